// How large a codebook file may be, apart from the parsers: the library checks it before a byte is read, without
// loading the XML parser that only the reader worker needs.
import { malformed } from './errors';

/** A codebook of 20,000 codes with notes is a few MB; beyond this a file is refused before it is read. */
export const MAX_CODEBOOK_BYTES = 32 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Refuses a file too large to be a codebook, before a byte of it is read. */
export function checkCodebookSize(bytes: number): void {
  if (bytes > MAX_CODEBOOK_BYTES)
    throw malformed(
      `文件太大（${mb(bytes)}）：代码本文件最多 ${mb(MAX_CODEBOOK_BYTES)}。`,
      `The file is too large (${mb(bytes)}): a codebook file can be at most ${mb(MAX_CODEBOOK_BYTES)}.`,
    );
}
