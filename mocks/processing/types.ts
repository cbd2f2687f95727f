/**
 * Decoded job configurations and result containers, as `protocol/codec.ts` produces them from the
 * spec (element names as properties, repeated elements as arrays, booleans and integers typed,
 * numeric-looking enums such as Flatten kept as strings). Reference §2.2–2.4, §3.4, §7.
 */
import type { ObjectStore } from '../store/types.ts';
import type { HashFactory } from './hash/types.ts';

export interface KeyConfig { Key: string; Rename?: string; ImageParams?: string; Folder?: string }

export interface FileCompressConfig {
  Flatten: '0' | '1' | '2' | '3';
  Format: 'zip' | 'tar' | 'tar.gz';
  Type?: 'faster' | 'better' | 'default';
  CompressKey?: string;
  UrlList?: string;
  Prefix?: string;
  Key?: string[];
  KeyConfig?: KeyConfig[];
  IgnoreError?: boolean;
}

export interface CompressOutput { Region: string; Bucket: string; Object: string }

export interface FileCompressResult {
  Region: string;
  Bucket: string;
  Object: string;
  CompressFileCount: number;
  ErrorCount: number;
  ErrorDetail?: { ErrorCount: number; ErrorFile?: string[] };
}

export interface DownloadConfig { Prefix?: string; Key?: string[] }

export interface FileUncompressConfig {
  Prefix?: string;
  PrefixReplaced?: '0' | '1' | '2';
  UnCompressKey?: string;
  Mode?: '0' | '1';
  DownloadConfig?: DownloadConfig;
  ListingFile?: boolean;
}

export interface UncompressOutput { Region: string; Bucket: string }

export interface FileListEntry { Key: string; LastModified: string; FileSize: number }

export interface FileUncompressResult {
  Region: string;
  Bucket: string;
  FileCount: number;
  FileList?: { Contents?: FileListEntry[]; IsTruncated: boolean };
}

export interface FileHashCodeConfig { Type: string; AddToHeader?: boolean }

export interface FileHashCodeResult {
  MD5?: string;
  SHA1?: string;
  SHA256?: string;
  FileSize: number;
  LastModified: string;
  Etag: string;
}

/** Zip preview (`ci-process=zippreview`, reference §2.13). */
export interface ZipPreviewResult {
  FileNumber: number;
  IsTruncated: boolean;
  Contents?: { Key: string; LastModified: string; UncompressedSize: number }[];
}

/** JD Cloud Compress Object source (reference §7.1). */
export interface JdComponent { Key: string; Alias?: string }

/** A job failure as `JobsDetail.Code` / `Message` report it. */
export interface ProcessFailure { Code: string; Message: string }

/** Either the documented result container or a failure (with what was already written, if any). */
export type ProcessOutcome<R> =
  | { ok: true; result: R }
  | { ok: false; failure: ProcessFailure; partial?: R };

/** Configurable limits; defaults follow the reference (10,000 files, < 50 GB per job). */
export interface ProcessingLimits {
  maxFiles: number;
  maxTotalBytes: number;
  maxEntries: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

/** What every processor is given. Time is injected (`now`), never read from the host clock. */
export interface ProcessContext {
  store: ObjectStore;
  hash: HashFactory;
  /** The bucket and region the job runs in (its Input bucket). */
  bucket: string;
  region: string;
  limits: ProcessingLimits;
  /** Percent 0..100, called with non-decreasing values by bytes processed. */
  onProgress(percent: number): void;
  signal?: AbortSignal;
  now(): number;
}
