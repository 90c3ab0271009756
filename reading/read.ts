// Reading a stored report the way the live page is read: the recognisers over its main content, the study view
// over its blocks, its annotations re-anchored in the stored text, and the lines the reader shows, each with its
// part (title, heading, paragraph, table cell…). Pure: the reader runs it in a worker (library/reading-worker.ts),
// so a megabyte text never holds up the page.
import { anchorMany } from '../anchoring/anchor';
import { codePointIndex } from '../anchoring/code-points';
import type { PageKind, TextPosition, TextQuote, TextSpan } from '../model';
import { hanIn } from '../recognition/chars';
import { classifyPage, HAN_ENOUGH } from '../recognition/page-kind';
import { recognize } from '../recognition/recognize';
import type { Match } from '../recognition/types';
import type { OutlineNode } from '../study/types';
import { studyView, type StudyView } from '../study/view';
import { forEachLine, hasInk, readStructure, type ReadBlock } from './structure';

export interface StoredTextInput {
  title: string;
  /** The kind the live reading gave the page (or the import's default, 'none'). */
  kind: PageKind;
  text: string;
  /** PageRecord.snapshotStructure as stored: checked here, and read from the text when it is missing or wrong. */
  structure?: unknown;
  /**
   * The page's annotations' selectors as stored (positions in code points; a note on the whole page has no quote),
   * in any order; the anchors come back in the same order.
   */
  selectors: readonly { quote?: TextQuote; position?: TextPosition }[];
}

/** Where an annotation anchored in the stored text; null when it cannot be, there either. */
export type StoredAnchor = { start: number; end: number; method: 'exact' | 'position' | 'fuzzy' } | null;

/** What a line of the text is, for the reader to show it as such. */
export type LineRole = 'title' | 'heading' | 'paragraph' | 'cell' | 'item' | 'closing' | 'aside';

/** A line of the stored text that holds more than white space. */
export interface ReaderLine extends TextSpan {
  role: LineRole;
  /** Heading level (1 for 一、), for role 'heading'. */
  level?: number;
  /** A heading that runs into its paragraph ("一是……。然后正文"): where its words end, inside the line. */
  runInEnd?: number;
}

export interface StoredReading {
  /** The kind the text is read as: the stored one, or for a text kept without its page's structure and of kind
   * 'none' (an import's default), what the text itself reads as. */
  kind: PageKind;
  /** Whether the page's own structure was kept with its text (else it was read from the text's lines). */
  structureKept: boolean;
  /** Recognised items in the main content, in text order (none on a page that is neither report nor document). */
  matches: Match[];
  study: StudyView;
  anchors: StoredAnchor[];
  lines: ReaderLine[];
}

/** Recognition works on pieces of about this many characters, cut at line ends, with a pause between. */
const PIECE = 8_000;

/** The recognisers over the main content, piece by piece; offsets into `text`. */
async function recognizeSegments(text: string, segments: readonly TextSpan[], pause: () => Promise<void>): Promise<Match[]> {
  const matches: Match[] = [];
  for (const seg of segments) {
    for (let at = seg.start; at < seg.end; ) {
      let cut = Math.min(seg.end, at + PIECE);
      if (cut < seg.end) {
        const lineEnd = text.lastIndexOf('\n', cut);
        if (lineEnd > at) cut = lineEnd;
      }
      for (const m of recognize(text.slice(at, cut))) {
        m.start += at;
        m.end += at;
        matches.push(m);
      }
      at = cut;
      await pause();
    }
  }
  return matches;
}

/** A text that came without its page (by import) is classified from the text itself, as a page would be. */
function kindOfText(title: string, text: string, blocks: readonly ReadBlock[]): PageKind {
  const first = blocks[0] ? text.slice(blocks[0].start, blocks[0].end).trim() : '';
  return classifyPage({ title, firstLine: first, mainText: text, articleHan: hanIn(text, 0, text.length, HAN_ENOUGH), linkDensity: 0, hasMetadata: false }).kind;
}

function flatten(nodes: readonly OutlineNode[], out: OutlineNode[] = []): OutlineNode[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
}

/** Whether text[start, end) holds more than white space and the punctuation that closes a heading. */
function hasWords(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!TRAILER.has(text[i]) && hasInk(text, i, i + 1)) return true;
  return false;
}
const TRAILER = new Set(['。', '：', ':', '，', ',', '；', ';', '.']);

const NAMED_LINES: Partial<Record<OutlineNode['kind'], LineRole>> = { title: 'title', heading: 'heading', signature: 'closing', date: 'closing' };
const BLOCK_ROLES: Record<string, LineRole> = { td: 'cell', th: 'cell', li: 'item', dt: 'item', dd: 'item' };

/**
 * The lines the reader shows. A line is named by the outline part that starts in it (title, heading, signature or
 * date) — a heading that ends before its line does runs in — else by its block's tag; lines outside the main
 * content are asides (what the page showed around the report).
 */
export function readerLines(text: string, segments: readonly TextSpan[], blocks: readonly ReadBlock[], outline: readonly OutlineNode[]): ReaderLine[] {
  const named = flatten(outline).filter((n) => NAMED_LINES[n.kind]).sort((a, b) => a.start - b.start);
  const lines: ReaderLine[] = [];
  let s = 0;
  let b = 0;
  let o = 0;
  forEachLine(text, (start, end) => {
    if (!hasInk(text, start, end)) return;
    while (s < segments.length && segments[s].end <= start) s++;
    while (b < blocks.length && blocks[b].end <= start) b++;
    while (o < named.length && named[o].start < start) o++;
    const inMain = s < segments.length && segments[s].start < end;
    const block = b < blocks.length && blocks[b].start < end ? blocks[b] : undefined;
    const node = o < named.length && named[o].start < end ? named[o] : undefined;
    const line: ReaderLine = { start, end, role: 'paragraph' };
    if (!inMain) line.role = 'aside';
    else if (node) {
      line.role = NAMED_LINES[node.kind]!;
      if (node.kind === 'heading') line.level = node.level ?? 1;
      // A heading is the line's own when nothing but white space and punctuation follows it there.
      if (line.role === 'heading' && hasWords(text, node.end, end)) {
        line.role = 'paragraph';
        line.runInEnd = node.end;
      }
    } else if (block?.tag && BLOCK_ROLES[block.tag]) line.role = BLOCK_ROLES[block.tag];
    lines.push(line);
  });
  return lines;
}

/** Anchors in UTF-16 offsets of `text`; null for a note on the whole page and for a passage found nowhere. */
function anchorStored(text: string, selectors: StoredTextInput['selectors']): StoredAnchor[] {
  const units = codePointIndex(text);
  const quoted = selectors.flatMap((s, i) => (s.quote ? [{ i, quote: s.quote, position: s.position }] : []));
  const found = anchorMany(text, quoted.map(({ quote, position }) => ({
    quote,
    position: position && { start: units.toUnit(position.start), end: units.toUnit(position.end) },
  })));
  const anchors: StoredAnchor[] = selectors.map(() => null);
  quoted.forEach(({ i }, k) => {
    const a = found[k];
    if (a) anchors[i] = { start: a.start, end: a.end, method: a.method };
  });
  return anchors;
}

/** The whole reading of a stored text. `pause` is awaited between pieces of the recognition. */
export async function readStoredText(input: StoredTextInput, pause: () => Promise<void> = async () => {}): Promise<StoredReading> {
  const { text, title } = input;
  const structure = readStructure(text, input.structure);
  const kind = input.kind !== 'none' || structure.kept ? input.kind : kindOfText(title, text, structure.blocks);
  const matches = kind === 'none' ? [] : await recognizeSegments(text, structure.segments, pause);
  const blocks = structure.blocks.map((blk) => ({ ...blk, text: text.slice(blk.start, blk.end) }));
  const study = studyView({ kind, title, text, blocks, matches });
  await pause();
  const anchors = anchorStored(text, input.selectors);
  await pause();
  const lines = readerLines(text, structure.segments, structure.blocks, study.outline.nodes);
  return { kind, structureKept: structure.kept, matches, study, anchors, lines };
}
