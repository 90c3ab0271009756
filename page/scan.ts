// One scan of the page: find the report's text, decide what kind of page it is, recognise what readers hunt for.
import { classifyPage, type KindVerdict, type PageFeatures } from '../recognition/page-kind';
import { linePieces } from '../recognition/pieces';
import { recognize } from '../recognition/recognize';
import type { Match } from '../recognition/types';
import type { StudyInput } from '../study/view';
import { analyzeLayout, blocksWithText, type Layout } from './layout';

export interface ScanResult extends KindVerdict {
  layout: Layout;
  /** Matches in the main content, offsets into layout.map.text, in document order. */
  matches: Match[];
}

/** Recognition works on pieces of this many characters at most, cut at line ends, between pauses. */
const PIECE = 8_000;

/** What the page-kind classifier is told about a page's layout. */
export function pageFeatures(layout: Layout): PageFeatures {
  const { text } = layout.map;
  return {
    title: layout.title,
    firstLine: layout.firstLine,
    mainText: layout.segments.map((s) => text.slice(s.start, s.end)).join('\n'),
    articleHan: layout.articleHan,
    linkDensity: layout.linkDensity,
    hasMetadata: layout.hasMetadata,
  };
}

export async function scanPage(doc: Document, pause: () => Promise<void>): Promise<ScanResult> {
  const layout = await analyzeLayout(doc, pause, 200);
  const { text } = layout.map;
  const verdict = classifyPage(pageFeatures(layout));
  const matches: Match[] = [];
  if (verdict.kind !== 'none') {
    for (const seg of layout.segments) {
      for (const [at, cut] of linePieces(text, seg.start, seg.end, PIECE)) {
        for (const m of recognize(text.slice(at, cut))) matches.push({ ...m, start: m.start + at, end: m.end + at });
        await pause();
      }
    }
  }
  return { ...verdict, layout, matches };
}

/** What study mode and the report's outline read of a scan. */
export function studyInputOf(scan: ScanResult): StudyInput {
  return { kind: scan.kind, title: scan.layout.title, text: scan.layout.map.text, blocks: blocksWithText(scan.layout), matches: scan.matches };
}
