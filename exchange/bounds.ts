// What a file may put into Pizhu's database. Keys and indexes are compared over and over (an IndexedDB key of 2 MB
// made every later import of 25,000 annotations take 332 s instead of 8 s), so what becomes a key is bounded
// tightly; what is only kept and written back is bounded too, so that one annotation cannot carry a megabyte.

/** Longest IRI that becomes a key or is indexed: annotation ids, page URLs, term IRIs, coder IRIs. */
export const MAX_IRI_LENGTH = 2048;

/** Longest document number a page may carry: it is indexed, folded (storage/doc-number-key.ts). */
export const MAX_DOC_NUMBER_LENGTH = 200;

/** More terms on one passage than any coding scheme uses; each is an index entry of the annotation. */
export const MAX_TERMS_PER_ANNOTATION = 1000;

/** Longest name of a person (creator) kept from a file. */
export const MAX_AGENT_NAME_LENGTH = 256;

/** What an annotation from elsewhere may keep of what Pizhu does not use, as JSON text. */
export const MAX_FOREIGN_CHARS = 32 * 1024;

/** How deeply nested that kept JSON may be. */
export const MAX_FOREIGN_DEPTH = 16;

/**
 * The length of `value` as JSON text, or undefined when it is longer than `maxChars` or nested deeper than
 * `maxDepth` (found without building the text, and without recursing past the depth bound).
 */
export function boundedJsonLength(value: unknown, maxChars: number, maxDepth: number): number | undefined {
  let total = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (total > maxChars) return false;
    if (typeof v !== 'object' || v === null) {
      total += JSON.stringify(v ?? null)?.length ?? 4;
      return total <= maxChars;
    }
    if (depth >= maxDepth) return false;
    if (Array.isArray(v)) {
      total += 2 + Math.max(0, v.length - 1);
      return v.every((x) => walk(x, depth + 1));
    }
    const entries = Object.entries(v);
    total += 2 + Math.max(0, entries.length - 1);
    return entries.every(([k, x]) => {
      total += JSON.stringify(k).length + 1;
      return walk(x, depth + 1);
    });
  };
  return walk(value, 0) ? total : undefined;
}
