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

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}

// 。！？；!?; — by code, as this runs over every character of the library.
function endsSentence(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 0x21 || code === 0x3f ||
    code === 0x3b;
}

// Closing marks that belong to the sentence they end: 。” 。’ 。」 。』 。） 。) 。】 。〕 。》 。〉 。" 。' 。]
function closesSentence(code: number): boolean {
  return code === 0x201d || code === 0x2019 || code === 0x300d || code === 0x300f || code === 0xff09 || code === 0x29 ||
    code === 0x3011 || code === 0x3015 || code === 0x300b || code === 0x3009 || code === 0x22 || code === 0x27 ||
    code === 0x5d;
}

/** [start, end) trimmed of white space, or null when nothing else is left. */
function trimmedRange(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

export function sentenceUnits(text: string): UnitSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (from: number, to: number) => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) {
      starts.push(from);
      ends.push(to);
    }
  };
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      push(from, i);
      from = i + 1;
    } else if (endsSentence(code)) {
      let end = i + 1;
      while (end < n && (endsSentence(text.charCodeAt(end)) || closesSentence(text.charCodeAt(end)))) end++;
      push(from, end);
      from = end;
      i = end - 1;
    }
  }
  push(from, n);
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
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
  // Two nodes opening at the same place (an attachment and its first item on one line) make one part.
  const nodes = flatten(outline.nodes).sort((a, b) => a.start - b.start)
    .filter((n, i, all) => i === 0 || all[i - 1].start !== n.start);
  const parts: Part[] = [];
  const front = trimmedRange(text, 0, nodes.length > 0 ? nodes[0].start : text.length);
  if (front) parts.push({ start: front.start, end: front.end, kind: 'front', label: FRONT_LABEL, text: text.slice(front.start, front.end) });
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const r = trimmedRange(text, n.start, i + 1 < nodes.length ? nodes[i + 1].start : text.length);
    if (r) parts.push({ start: r.start, end: r.end, kind: n.kind, label: n.label, text: n.text });
  }
  return parts;
}

export function toUnitSpans(spans: readonly Span[]): UnitSpans {
  const starts = new Int32Array(spans.length);
  const ends = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    starts[i] = spans[i].start;
    ends[i] = spans[i].end;
  }
  return { starts, ends };
}

/** The units as ranges, e.g. to show a page's sentences. */
export function spansOf(units: UnitSpans): Span[] {
  return Array.from(units.starts, (start, i) => ({ start, end: units.ends[i] }));
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
