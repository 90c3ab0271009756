// The .qdpx container: a zip of project.qde and a Sources folder (fflate does the zip work). Writing goes file by
// file so that a caller can yield and cancel between files. Reading is bounded before anything is inflated: a
// hostile archive may declare millions of entries or a few kilobytes that inflate to gigabytes, so the entry count
// and the declared sizes are checked from the central directory first, and fflate inflates each entry into a
// buffer of its declared size, never past it.
import { Zip, ZipDeflate, strToU8, unzipSync, type UnzipFileInfo } from 'fflate';
import { splitsPair } from '../../anchoring/code-points';
import type { ProjectFiles } from './write';

export interface ZipOptions {
  signal?: AbortSignal;
  /** Files written so far, of `total`; awaited between files. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Awaited between the slices of a large file (project.qde of 100,000 selections is tens of megabytes). */
  between?: () => Promise<void>;
}

/** Characters encoded and deflated at a time. */
const SLICE = 1 << 20;

/** The archive as chunks of bytes (for a Blob); project.qde first, then the sources in order. */
export async function zipProject(files: Pick<ProjectFiles, 'qde' | 'sources'>, options: ZipOptions = {}): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  const entries = [{ path: 'project.qde', text: files.qde }, ...files.sources];
  for (const [i, entry] of entries.entries()) {
    options.signal?.throwIfAborted();
    const file = new ZipDeflate(entry.path, { level: 6 });
    zip.add(file);
    const { text } = entry;
    let at = 0;
    do {
      // A slice never ends between the halves of a surrogate pair, which UTF-8 could not encode.
      let end = Math.min(text.length, at + SLICE);
      if (splitsPair(text, end)) end--;
      file.push(strToU8(text.slice(at, end)), end >= text.length);
      if (failure) throw failure;
      at = end;
      if (at < text.length) {
        await options.between?.();
        options.signal?.throwIfAborted();
      }
    } while (at < text.length);
    await options.onProgress?.(i + 1, entries.length);
  }
  zip.end();
  if (failure) throw failure;
  return chunks;
}

export interface ArchiveLimits {
  entries: number;
  /** Sum of the declared uncompressed sizes of the entries read. */
  totalBytes: number;
  /** One entry's declared uncompressed size. */
  entryBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  entries: 20_000,
  totalBytes: 512 * 1024 * 1024,
  entryBytes: 128 * 1024 * 1024,
};

export class ArchiveError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'ArchiveError';
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The entries of a zip as its central directory declares them, nothing inflated; throws ArchiveError. */
export function listEntries(bytes: Uint8Array, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        entries.push(info);
        if (entries.length > limits.entries) throw new ArchiveError(`压缩包中的文件超过 ${limits.entries} 个`, `The archive holds more than ${limits.entries} files`);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError('文件不是有效的 ZIP 压缩包（.qdpx）', `The file is not a valid zip archive (.qdpx): ${(e as Error).message}`);
  }
  return entries;
}

/**
 * Inflates the named entries (whose declared sizes must keep within the limits), a few at a time, with `between`
 * awaited after each batch so that the caller can yield to the page. Throws ArchiveError.
 */
export async function extractEntries(
  bytes: Uint8Array,
  wanted: readonly UnzipFileInfo[],
  options: { limits?: ArchiveLimits; between?: () => Promise<void>; batchBytes?: number } = {},
): Promise<Map<string, Uint8Array>> {
  const limits = options.limits ?? DEFAULT_ARCHIVE_LIMITS;
  let total = 0;
  for (const entry of wanted) {
    if (entry.originalSize > limits.entryBytes) {
      throw new ArchiveError(`压缩包中的“${entry.name}”解压后有 ${mb(entry.originalSize)}，超过 ${mb(limits.entryBytes)} 的上限`, `“${entry.name}” in the archive inflates to ${mb(entry.originalSize)}, over the limit of ${mb(limits.entryBytes)}`);
    }
    total += entry.originalSize;
  }
  if (total > limits.totalBytes) {
    throw new ArchiveError(`压缩包解压后有 ${mb(total)}，超过 ${mb(limits.totalBytes)} 的上限`, `The archive inflates to ${mb(total)}, over the limit of ${mb(limits.totalBytes)}`);
  }
  const out = new Map<string, Uint8Array>();
  const batchBytes = options.batchBytes ?? 16 * 1024 * 1024;
  for (let i = 0; i < wanted.length; ) {
    const names = new Set<string>();
    let size = 0;
    for (; i < wanted.length && (names.size === 0 || size + wanted[i].originalSize <= batchBytes); i++) {
      names.add(wanted[i].name);
      size += wanted[i].originalSize;
    }
    try {
      const files = unzipSync(bytes, { filter: (info) => names.has(info.name) && info.originalSize <= limits.entryBytes });
      for (const [name, data] of Object.entries(files)) out.set(name, data);
    } catch (e) {
      throw new ArchiveError('压缩包已损坏，无法解压', `The archive is damaged and cannot be inflated: ${(e as Error).message}`);
    }
    await options.between?.();
  }
  return out;
}
