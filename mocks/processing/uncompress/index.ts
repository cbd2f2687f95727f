/** FileUncompress (§2.3) and zip preview (§2.13): the browser-safe entry points of this folder. */
export { uncompressArchive, DEFAULT_IN_MEMORY_ARCHIVE_LIMIT, type UncompressOptions } from './uncompress.ts';
export { zipPreview } from './zip-preview.ts';
export { webCodecs, type UncompressCodecs } from './codecs.ts';
export type { UncompressCode } from './errors.ts';
