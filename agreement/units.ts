// The units agreement is measured over, on a page's text (PageRecord.snapshot: the main text, blocks joined by \n;
// offsets are UTF-16 code units, as annotations' positions are):
//   character  every code unit of the text, all of them — also those no coder marked and the line breaks (NVivo's
//              way; counting only characters someone marked leaves out the agreement on what to leave unmarked).
//   sentence   the text cut after 。！？；!?; (with the closing quotes and brackets that follow) and at every line
//              break, each piece trimmed of white space; pieces of white space only are no unit.
//   part       the report's own parts as study mode reads them (study/outline.ts): every outline node — title,
//              document number, addressee, opening, each heading, each 一是/二是 point, closing, attachments,
//              signature, date — opens a part that runs to where the next node begins. Text before the first node
//              is a part of its own. A heading's part is its line and the text under it up to its first point or
//              sub-heading.
// A coder applies a term to a sentence or a part when any of their annotations with that term overlaps it by at
// least one character (see UNIT_RULES for the wording the UI shows).
import type { LocalizedText } from '../model';
import { recognizeDocNumbers } from '../recognition/docno';
import { outlineReport } from '../study/outline';
import type { Block, OutlineKind, OutlineNode } from '../study/types';

export type UnitKind = 'character' | 'sentence' | 'part';

export const UNIT_KINDS: readonly UnitKind[] = ['character', 'sentence', 'part'];

export const UNIT_RULES: Record<UnitKind, LocalizedText> = {
  character: {
    en: 'Unit: each character of the page text, all of them, also those no coder marked. A coder applied a term to a ' +
      'character if one of their annotations with that term covers it.',
    zh: '单元：页面正文的每一个字符（全部字符，包括无人标注的字符）。编码员的某条带该编码的批注覆盖了这个字符，即视为对它使用了该编码。',
  },
  sentence: {
    en: 'Unit: each sentence, the text cut after 。！？； and at line breaks. A coder applied a term to a sentence if ' +
      'one of their annotations with that term overlaps it by at least one character.',
    zh: '单元：每个句子，正文在。！？；之后及换行处切分。编码员的某条带该编码的批注与句子至少重叠一个字符，即视为对该句使用了该编码。',
  },
  part: {
    en: "Unit: each part of the report as study mode outlines it — title, headings, 一是/二是 points, closing, " +
      'signature… — from its start to the start of the next. A coder applied a term to a part if one of their ' +
      'annotations with that term overlaps it by at least one character.',
    zh: '单元：学习模式大纲中报告的各个部分（标题、各级标题、一是/二是等要点、结束语、落款等），从该部分开头到下一部分开头。' +
      '编码员的某条带该编码的批注与该部分至少重叠一个字符，即视为对该部分使用了该编码。',
  },
};

export interface Span {
  start: number;
  end: number;
}

/** Units as sorted, disjoint [start, end) ranges, kept flat so that a 10,000-sentence library costs two arrays. */
export interface UnitSpans {
  starts: Int32Array;
  ends: Int32Array;
}

export interface Part extends Span {
  /** The outline node that opens the part; 'front' for text before the first node. */
  kind: OutlineKind | 'front';
  /** The node's conventional name (标题, 一级标题, 要点…), as study mode shows it. */
  label: LocalizedText;
  /** The node's own words (a heading's line, a point's first sentence). */
  text: string;
}

const SENTENCE_END = new Set([...'。！？；!?;']);
// Closing marks that belong to the sentence they end: 。” 。） 。」
const CLOSERS = new Set([...'”’"\'」』）)】〕》〉]']);

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}

function pushTrimmed(out: Span[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      pushTrimmed(out, text, from, i);
      from = i + 1;
    } else if (SENTENCE_END.has(ch)) {
      let end = i + 1;
      while (end < text.length && (SENTENCE_END.has(text[end]) || CLOSERS.has(text[end]))) end++;
      pushTrimmed(out, text, from, end);
      from = end;
      i = end - 1;
    }
  }
  pushTrimmed(out, text, from, text.length);
  return out;
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    blocks.push({ text: line, start, end: start + line.length });
    start += line.length + 1;
  }
  return blocks;
}

function flatten(nodes: readonly OutlineNode[], out: OutlineNode[] = []): OutlineNode[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
}

const FRONT_LABEL: LocalizedText = { zh: '正文之前', en: 'Before the first part' };

/** The report's parts, as study mode outlines the page (`title` is the page title, as PageRecord.title holds it). */
export function partsOf(text: string, title = ''): Part[] {
  const outline = outlineReport({ title, blocks: blocksOf(text), matches: recognizeDocNumbers(text) });
  const nodes = flatten(outline.nodes).sort((a, b) => a.start - b.start);
  const opening: Array<Omit<Part, 'end'>> = [];
  for (const n of nodes) {
    // Two nodes opening at the same place (an attachment and its first item on one line) make one part.
    if (opening.length > 0 && opening[opening.length - 1].start === n.start) continue;
    opening.push({ start: n.start, kind: n.kind, label: n.label, text: n.text });
  }
  const parts: Part[] = [];
  const first = opening.length > 0 ? opening[0].start : text.length;
  const front: Span[] = [];
  pushTrimmed(front, text, 0, first);
  if (front.length > 0) parts.push({ ...front[0], kind: 'front', label: FRONT_LABEL, text: text.slice(front[0].start, front[0].end) });
  opening.forEach((o, i) => {
    const bounds: Span[] = [];
    pushTrimmed(bounds, text, o.start, i + 1 < opening.length ? opening[i + 1].start : text.length);
    if (bounds.length > 0) parts.push({ ...o, ...bounds[0] });
  });
  return parts;
}

export function toUnitSpans(spans: readonly Span[]): UnitSpans {
  const starts = new Int32Array(spans.length);
  const ends = new Int32Array(spans.length);
  spans.forEach((s, i) => {
    starts[i] = s.start;
    ends[i] = s.end;
  });
  return { starts, ends };
}

/** First index whose value is greater than x (values ascending). */
function upperBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index whose value is at least x. */
function lowerBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The units a character range [start, end) overlaps, as a range of unit indices [first, last + 1); empty (first ≥
 * end) when it overlaps none, e.g. when it covers only the white space between two sentences.
 */
export function unitRange(units: UnitSpans, start: number, end: number): Span {
  return { start: upperBound(units.ends, start), end: lowerBound(units.starts, end) };
}
