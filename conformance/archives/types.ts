/** One archive member: a path (directories end with `/`) and its bytes. */
export interface ArchiveEntry { name: string; data: Uint8Array }

/** The archive formats the suite builds (FileUncompress inputs) or reads (FileCompress outputs). */
export type ArchiveFormat = 'zip' | 'tar' | 'tar.gz' | 'gz';
