// One scan of the page: find the report's text, decide what kind of page it is, recognise what readers hunt for.
import { classifyPage, type KindVerdict, type PageFeatures } from '../recognition/page-kind';
import { pieceEnd } from '../recognition/pieces';
import { recognize } from '../recognition/recognize';
import type { Match } from '../recognition/types';
import type { PageKind } from '../model';
import type { StudyInput } from '../study/view';
import { analyzeLayout, blocksWithText, type Layout } from './layout';
import { Meter, Slicer, UNSLICED_MS_PER_CHAR } from './slices';

export interface ScanResult extends KindVerdict {
  /** Whether the kind is the reader's (the page was misjudged) rather than the classifier's. */
  kindSetByReader: boolean;
  layout: Layout;
  /** Matches in the main content, offsets into layout.map.text, in document order. */
  matches: Match[];
}

/** Recognition works on pieces cut at line ends, as long as the slicer allows but not shorter than this. */
const MIN_PIECE = 500;

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
    listing: layout.listing,
  };
}

/** `kind`: what the reader said the page is (Pizhu misjudged it), in place of the classifier's verdict. */
export async function scanPage(doc: Document, slicer: Slicer = Slicer.unsliced(), kind?: PageKind): Promise<ScanResult> {
  const layout = await analyzeLayout(doc, slicer);
  const { text } = layout.map;
  // The page kind reads the main text whole, with regexes a slice cannot cut.
  if (!kind) await slicer.reserve(text.length * UNSLICED_MS_PER_CHAR);
  const verdict: KindVerdict = kind ? { kind, reason: 'set by the reader' } : classifyPage(pageFeatures(layout));
  const kindSetByReader = kind !== undefined;
  const matches: Match[] = [];
  if (verdict.kind !== 'none') {
    // About a tenth of a microsecond per character on a fast machine; learnt as it goes.
    const reading = new Meter(0.002);
    for (const seg of layout.segments) {
      for (let at = seg.start; at < seg.end; ) {
        const cut = pieceEnd(text, at, Math.max(MIN_PIECE, await slicer.room(reading, MIN_PIECE)), seg.end);
        const from = at;
        slicer.measure(reading, cut - from, () => {
          // The matches are fresh objects: moving them to page offsets in place costs nothing, a copy would.
          for (const m of recognize(text.slice(from, cut))) {
            m.start += from;
            m.end += from;
            matches.push(m);
          }
        });
        at = cut;
      }
    }
  }
  return { ...verdict, kindSetByReader, layout, matches };
}

/** What study mode and the report's outline read of a scan. */
export function studyInputOf(scan: ScanResult): StudyInput {
  return { kind: scan.kind, title: scan.layout.title, text: scan.layout.map.text, blocks: blocksWithText(scan.layout), matches: scan.matches };
}
