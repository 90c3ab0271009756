// The structure of a stored text: kept at annotation time from the live page's layout (what the content script
// already knows: the main content's extent and each block's tag), or, for texts kept without it (older records,
// texts that came by import), read from the text alone. A kept structure comes back from the database, and from
// backups, which are files from elsewhere: it is checked against its text before anything trusts it.
import type { TextSpan, TextStructure } from '../model';

/** More blocks than a 1 MB report has (about 7,000): a page with more is kept without its structure. */
export const MAX_STRUCTURE_BLOCKS = 50_000;
/** The layout finds one or two segments (metadata block, body); a few more are tolerated. */
export const MAX_STRUCTURE_SEGMENTS = 64;

const TAG = /^[a-z][a-z0-9]{0,9}$/;

/** A block of the stored text as the reader and the outline take it; `tag` is known only from a kept structure. */
export interface ReadBlock extends TextSpan {
  tag?: string;
}

export interface ReadStructure {
  segments: TextSpan[];
  blocks: ReadBlock[];
  /** Whether this is the live page's structure (kept with the text), not one read from the text alone. */
  kept: boolean;
}

/**
 * What is kept of a layout: spans and tags only, copied (nothing else of the layout's objects goes to the
 * database), or nothing when the page has more blocks than the bound.
 */
export function structureToKeep(segments: readonly TextSpan[], blocks: readonly (TextSpan & { tag: string })[]): TextStructure | undefined {
  if (segments.length > MAX_STRUCTURE_SEGMENTS || blocks.length > MAX_STRUCTURE_BLOCKS) return undefined;
  return {
    segments: segments.map(({ start, end }) => ({ start, end })),
    blocks: blocks.map(({ start, end, tag }) => ({ start, end, tag: tag.toLowerCase() })),
  };
}

/** Spans in order, not overlapping, not empty, inside a text of `length`; a fresh copy, or undefined. */
function checkedSpans<T extends TextSpan>(raw: unknown, max: number, length: number, extra: (item: Record<string, unknown>) => Omit<T, keyof TextSpan> | undefined): T[] | undefined {
  if (!Array.isArray(raw) || raw.length > max) return undefined;
  const out: T[] = [];
  let last = 0;
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { start, end } = item as Record<string, unknown>;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
    const s = start as number;
    const e = end as number;
    if (s < last || e <= s || e > length) return undefined;
    const more = extra(item as Record<string, unknown>);
    if (!more) return undefined;
    out.push({ start: s, end: e, ...more } as T);
    last = e;
  }
  return out;
}

/**
 * The kept structure of `text` when it is one (arrays of ordered spans inside the text, tags that are tag names,
 * within the bounds), else undefined: the caller then reads the structure from the text.
 */
export function checkStructure(text: string, raw: unknown): TextStructure | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { segments, blocks } = raw as Record<string, unknown>;
  const segs = checkedSpans<TextSpan>(segments, MAX_STRUCTURE_SEGMENTS, text.length, () => ({}));
  const blks = checkedSpans<TextSpan & { tag: string }>(blocks, MAX_STRUCTURE_BLOCKS, text.length, (item) =>
    typeof item.tag === 'string' && TAG.test(item.tag) ? { tag: item.tag } : undefined);
  return segs && blks ? { segments: segs, blocks: blks } : undefined;
}

/**
 * The structure the reader works with: the kept one when it checks out (a page the live reading found no main
 * content on has no segments, and keeps none here), else the text's own lines: each line that holds more than
 * white space is a block, and the whole text is the main content.
 */
export function readStructure(text: string, kept: unknown): ReadStructure {
  const checked = checkStructure(text, kept);
  if (checked) return { ...checked, kept: true };
  const blocks: ReadBlock[] = [];
  forEachLine(text, (start, end) => {
    if (hasInk(text, start, end)) blocks.push({ start, end });
  });
  return { segments: text.length ? [{ start: 0, end: text.length }] : [], blocks, kept: false };
}

/** Calls `visit` with the [start, end) of every line of `text` (lines end at '\n', which belongs to neither). */
export function forEachLine(text: string, visit: (start: number, end: number) => void): void {
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    visit(at, end);
    at = end + 1;
  }
}

/** Whether text[start, end) holds anything but white space. */
export function hasInk(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // ASCII white space, NBSP, the ideographic space and the Unicode spaces the pages indent with.
    if (!(c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff)) return true;
  }
  return false;
}
