// The anatomy of a report or official document, read from its text: the parts GB/T 9704-2012 names (title,
// document number, addressee, body, attachment note, signature, date of writing, note and imprint) and the
// heading hierarchy of the body, so that a trainee can see how the writing is built.
import type { DocNumberMatch } from '../recognition/types';
import { compact, hasCjk, slicePiece, trimmed, type Piece } from './block-text';
import { chineseNumeralValue } from '../recognition/chinese-numerals';
import {
  attachmentAt, closingIn, findDateAndSignature, isDateLine, isPublicationLine, type AttachmentNote,
} from './end-matter';
import { headingMarker, STYLE_DEPTH, type HeadingMarker } from './heading-markers';
import { outlineLabel } from './labels';
import { findOwnDocNumber } from './own-docno';
import type { Block, Outline, OutlineKind, OutlineNode, ReportInput } from './types';

const DOC_TYPE_END = /(?:报告|報告|意见|意見|通知|决定|決定|办法|辦法|方案|规定|規定|批复|批覆|公告|通告|请示|請示|函|纪要|紀要|规划|規劃|要点|要點)$/;
const LEAD_IN = /现将|現將|特将|特將|如下[^。；]{0,12}[:：]?\s*$/;
const SENTENCE_END = /[。！!？?]/;
const TRAILING_PUNCT = /[\s。！!？?；;：:，,、]+$/;

function node(kind: OutlineKind, piece: Piece, extra: Partial<OutlineNode> = {}): OutlineNode {
  return { kind, label: outlineLabel(kind, extra.level), text: piece.text, start: piece.start, end: piece.end, children: [], ...extra };
}

/** Page titles carry site and column names after _ | or a spaced dash; the document title is the longest piece. */
export function cleanPageTitle(title: string): string {
  const parts = title.split(/\s*[_｜|]\s*|\s+[-–—]\s+/).map((p) => p.trim()).filter(Boolean);
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function findTitle(blocks: Block[], pageTitle: string): number {
  const wanted = compact(cleanPageTitle(pageTitle));
  // The title is among the first few lines after any metadata table cells.
  const head = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.tag !== 'td' && b.tag !== 'th').slice(0, 4);
  const found = head.find(({ b }) => wanted !== '' && compact(b.text) === wanted) ??
    head.find(({ b }) => b.tag === 'h1') ??
    head.find(({ b }) => {
      const t = trimmed(b).text;
      return t.length <= 60 && !SENTENCE_END.test(t) && DOC_TYPE_END.test(t);
    });
  return found ? found.i : -1;
}

const BODY_NAME_END = /(?:政府|办|辦|局|委|厅|廳|部|会|會|院|室|处|處|所|单位|單位|部门|部門|机关|機關|公署)$/;

/** 主送机关: names of bodies ending in a colon — or, when the colon is missing, ending in a body's name. */
function isAddressee(text: string): boolean {
  if (text.length > 80 || !hasCjk(text) || /[。；;]|如下|现将|現將/.test(text) || headingMarker(text) !== null ||
    /^附\s*件/.test(text)) return false;
  return /[:：]$/.test(text) || (text.length <= 30 && !/[:：！!？?]/.test(text) && BODY_NAME_END.test(text));
}

interface HeadingCandidate {
  piece: Piece;
  marker: HeadingMarker | null;
  /** Depth from the heading tag, for unnumbered h2/h3 headings. */
  tagDepth?: number;
}

/** The heading's own words: the whole block, or its first sentence when the text runs on after it. */
function headingPiece(block: Block, marker: HeadingMarker | null): Piece {
  const t = trimmed(block);
  const off = t.start - block.start;
  const after = marker ? marker.text.length : 0;
  const rest = t.text.slice(after);
  let stop = rest.search(SENTENCE_END);
  const colon = rest.search(/[:：]/);
  if (colon >= 0 && colon <= 20 && (stop < 0 || colon < stop)) stop = colon;
  const text = stop >= 0 ? t.text.slice(0, after + stop) : t.text;
  const clean = text.replace(TRAILING_PUNCT, '');
  return slicePiece(block, off, off + clean.length);
}

/** A heading known by its numbering or its heading tag. */
function strongHeading(block: Block, tagDepths: Map<string, number>): HeadingCandidate | null {
  if (block.tag === 'td' || block.tag === 'th') return null;
  const marker = headingMarker(trimmed(block).text);
  if (marker) return { piece: headingPiece(block, marker), marker };
  const depth = block.tag ? tagDepths.get(block.tag) : undefined;
  if (depth !== undefined) return { piece: headingPiece(block, null), marker: null, tagDepth: depth };
  return null;
}

/** A short line with no sentence punctuation, followed by the longer text it introduces. */
function isPlainHeading(blocks: Block[], i: number): boolean {
  const t = trimmed(blocks[i]).text;
  const next = blocks[i + 1] ? trimmed(blocks[i + 1]).text : '';
  return t.length >= 2 && t.length <= 40 && hasCjk(t) && !/[。；;：:！!？?“”]/.test(t) && !TRAILING_PUNCT.test(t) &&
    !isDateLine(t) && next.length >= Math.max(2 * t.length, 20);
}

const ENUMERATION = /(^|[。；;：:，,！!？?\s])([一二三四五六七八九十]{1,3})是(?!否|非)/g;

function enumerationsIn(block: Block, from: number): Piece[] {
  const text = block.text;
  const starts: number[] = [];
  for (const m of text.slice(from).matchAll(ENUMERATION)) {
    const n = chineseNumeralValue(m[2]);
    if (n >= 1 && n <= 20) starts.push(from + m.index! + m[1].length);
  }
  return starts.map((s, k) => {
    const limit = k + 1 < starts.length ? starts[k + 1] : text.length;
    const stop = text.slice(s, limit).search(/[。；;！!？?]/);
    const to = stop >= 0 ? s + stop : limit;
    return slicePiece(block, s, to);
  }).map((p) => ({ ...p, text: p.text.replace(TRAILING_PUNCT, '') }))
    .map((p) => ({ ...p, end: p.start + p.text.length }));
}

interface EndMatter {
  /** Index of the first block that is not body text. */
  firstIndex: number;
  nodes: OutlineNode[];
  /** A closing formula that ends the last body paragraph rather than standing alone. */
  inlineClosing?: OutlineNode;
}

function attachmentNode(note: AttachmentNote): OutlineNode {
  const end = note.items.length > 0 ? Math.max(note.line.end, note.items[note.items.length - 1].end) : note.line.end;
  const text = note.items.length > 0 && note.items[note.items.length - 1].end > note.line.end
    ? [note.line.text, ...note.items.filter((it) => it.start >= note.line.end).map((it) => it.text)].join('\n')
    : note.line.text;
  return node('attachment', { text, start: note.line.start, end }, {
    children: note.items.map((it) => node('attachmentItem', it)),
  });
}

function findEndMatter(blocks: Block[], bodyStart: number): EndMatter {
  const nodes: OutlineNode[] = [];
  let firstIndex = blocks.length;
  const take = (i: number, n: OutlineNode) => {
    nodes.push(n);
    firstIndex = Math.min(firstIndex, i);
  };

  const ds = findDateAndSignature(blocks, bodyStart + 1);
  if (ds) {
    take(ds.dateIndex, node('date', ds.date));
    if (ds.signature.length > 0) {
      const sig = ds.signature;
      const piece = { text: sig.map((s) => s.text).join('\n'), start: sig[0].start, end: sig[sig.length - 1].end };
      take(ds.signatureIndex, node('signature', piece));
    }
  }
  for (let i = bodyStart + 1; i < blocks.length; i++) {
    const note = attachmentAt(blocks, i);
    if (note) {
      take(i, attachmentNode(note));
      i = note.lastIndex;
    } else if (isPublicationLine(trimmed(blocks[i]).text)) {
      take(i, node('publicationNote', trimmed(blocks[i])));
    }
  }
  // The closing formula is the last words of the body: look just above whatever end matter was found.
  let inlineClosing: OutlineNode | undefined;
  for (let i = Math.min(firstIndex, blocks.length) - 1; i > bodyStart && i >= firstIndex - 3; i--) {
    const c = closingIn(blocks[i]);
    if (!c) continue;
    const n = node('closing', c);
    if (c.start === trimmed(blocks[i]).start) take(i, n);
    else inlineClosing = n;
    break;
  }
  return { firstIndex, nodes, inlineClosing };
}

function headingTagDepths(blocks: Block[]): Map<string, number> {
  const tags = [...new Set(blocks.map((b) => b.tag).filter((t): t is string => !!t && /^h[1-6]$/.test(t)))].sort();
  return new Map(tags.map((t, k) => [t, k + 1]));
}

function levelOf(h: HeadingCandidate, hasParts: boolean, lastUnnumbered: number | undefined): number {
  if (h.marker) return h.marker.style === 'part' ? 1 : STYLE_DEPTH[h.marker.style] + (hasParts ? 1 : 0);
  return h.tagDepth ?? lastUnnumbered ?? 1;
}

/** Nests headings by level and puts each point under the innermost heading whose section holds it. */
function buildTree(parts: OutlineNode[], body: OutlineNode[], bodyEnd: number): OutlineNode[] {
  const all = [...parts, ...body].sort((a, b) => a.start - b.start);
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const partSet = new Set(parts);
  const close = (h: OutlineNode, at: number) => { h.section = { start: h.start, end: at }; };
  for (const n of all) {
    if (partSet.has(n)) {
      while (stack.length) close(stack.pop()!, n.start);
      roots.push(n);
    } else if (n.kind === 'heading') {
      while (stack.length && stack[stack.length - 1].level! >= n.level!) close(stack.pop()!, n.start);
      (stack.length ? stack[stack.length - 1].children : roots).push(n);
      stack.push(n);
    } else {
      (stack.length ? stack[stack.length - 1].children : roots).push(n);
    }
  }
  while (stack.length) close(stack.pop()!, bodyEnd);
  return roots;
}

interface FrontMatter {
  nodes: OutlineNode[];
  titleIndex: number;
  /** Index of the first block after title, number, metadata cells and addressee. */
  bodyStart: number;
}

function findFrontMatter(blocks: Block[], pageTitle: string, docnos: DocNumberMatch[]): FrontMatter {
  const nodes: OutlineNode[] = [];
  const titleIndex = findTitle(blocks, pageTitle);
  if (titleIndex >= 0) nodes.push(node('title', trimmed(blocks[titleIndex])));
  const own = findOwnDocNumber(blocks, docnos);
  const ownIndex = own ? blocks.findIndex((b) => b.start <= own.start && own.end <= b.end) : -1;
  if (own) nodes.push(node('docNumber', { text: own.text, start: own.start, end: own.end }));

  let bodyStart = Math.max(titleIndex, ownIndex) + 1;
  while (bodyStart < blocks.length && (blocks[bodyStart].tag === 'td' || blocks[bodyStart].tag === 'th')) bodyStart++;
  for (let i = bodyStart; i < Math.min(bodyStart + 2, blocks.length); i++) {
    if (isAddressee(trimmed(blocks[i]).text)) {
      nodes.push(node('addressee', trimmed(blocks[i])));
      bodyStart = i + 1;
      break;
    }
  }
  return { nodes, titleIndex, bodyStart };
}

/**
 * The opening runs to the "现将…报告如下" lead-in, or else up to the first heading (just the first paragraph when
 * there are no headings). Only unnumbered headings, such as a mirror site's own h2, may come before it.
 */
function findOpening(blocks: Block[], from: number, to: number, strong: Map<number, HeadingCandidate>): [number, number] | null {
  const early = [];
  for (let i = from; i < to && early.length < 4 && !strong.get(i)?.marker; i++) if (!strong.has(i)) early.push(i);
  const leadIn = early.find((i) => LEAD_IN.test(trimmed(blocks[i]).text));
  if (leadIn !== undefined) {
    let first = leadIn;
    while (first - 1 >= from && !strong.has(first - 1)) first--;
    return [first, leadIn];
  }
  if (from >= to || strong.has(from)) return null;
  let last = from;
  if (strong.size > 0) while (last + 1 < to && !strong.has(last + 1)) last++;
  return [from, last];
}

/**
 * The publishing site's own line under a title ("发布时间:2024-03-29 15:08 信息来源:区司法局 文字大小:[大 中 小]",
 * "20.12.2017 07:04 来源:…") is page furniture, not a part of the document: it is neither addressee nor opening.
 */
const PAGE_INFO = /(?:发布时间|發佈時間|发布日期|發布日期|信息来源|信息來源|来源|來源|浏览次数|瀏覽次數|点击数|點擊數|阅读次数|閱讀次數|文字大小|字体|字號|字号)\s*[:：]/;

export function outlineReport(input: ReportInput): Outline {
  const blocks = input.blocks.filter((b) => b.text.trim() !== '' && !(b.text.length <= 120 && PAGE_INFO.test(b.text)));
  const docnos = input.matches.filter((m): m is DocNumberMatch => m.category === 'docno');
  const front = findFrontMatter(blocks, input.title, docnos);
  const { bodyStart } = front;
  const parts = [...front.nodes];

  const end = findEndMatter(blocks, bodyStart);
  parts.push(...end.nodes);
  if (end.inlineClosing) parts.push(end.inlineClosing);
  const bodyEnd = Math.min(
    ...end.nodes.map((n) => n.start),
    end.inlineClosing?.start ?? Infinity,
    blocks[end.firstIndex - 1]?.end ?? 0,
  );

  const tagDepths = headingTagDepths(blocks.slice(bodyStart, end.firstIndex));
  const strong = new Map<number, HeadingCandidate>();
  for (let i = bodyStart; i < end.firstIndex; i++) {
    const h = strongHeading(blocks[i], tagDepths);
    if (h) strong.set(i, h);
  }

  const [openFrom, openTo] = findOpening(blocks, bodyStart, end.firstIndex, strong) ?? [-1, -1];
  if (openFrom >= 0) {
    const text = blocks.slice(openFrom, openTo + 1).map((b) => trimmed(b).text).join('\n');
    const start = trimmed(blocks[openFrom]).start;
    parts.push(node('opening', { text, start, end: Math.min(trimmed(blocks[openTo]).end, bodyEnd) }));
  }

  const hasParts = [...strong.values()].some((h) => h.marker?.style === 'part');
  const body: OutlineNode[] = [];
  let lastUnnumbered: number | undefined;
  for (let i = bodyStart; i < end.firstIndex; i++) {
    if (i >= openFrom && i <= openTo) continue;
    let h = strong.get(i) ?? null;
    if (!h && i > openTo && isPlainHeading(blocks, i)) h = { piece: headingPiece(blocks[i], null), marker: null };
    let from = 0;
    if (h) {
      const level = levelOf(h, hasParts, lastUnnumbered);
      if (!h.marker) lastUnnumbered = level;
      body.push(node('heading', h.piece, { level }));
      from = h.piece.end - blocks[i].start;
    }
    for (const e of enumerationsIn(blocks[i], from)) if (e.start < bodyEnd) body.push(node('enumeration', e));
  }

  const title = front.titleIndex >= 0 ? trimmed(blocks[front.titleIndex]).text : cleanPageTitle(input.title);
  return { title, nodes: buildTree(parts, body, bodyEnd) };
}
