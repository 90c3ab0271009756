// A page's recognised figures and document numbers as table rows for export: each with the sentence it stands in
// and the section heading above it, which is what analysts copy by hand from these reports today.
import type { DocNumberRow, FigureRow } from '../exchange/rows';
import { sentenceAround } from '../recognition/sentence';
import type { DocNumberMatch, FigureMatch, Match } from '../recognition/types';
import type { OutlineNode } from '../study/types';
import type { MatchIndicators } from './page-indicators';

export interface Heading {
  start: number;
  text: string;
}

/** The headings of a study-mode outline (every level), in document order. */
export function outlineHeadings(nodes: OutlineNode[]): Heading[] {
  const out: Heading[] = [];
  const visit = (list: OutlineNode[]) => {
    for (const n of list) {
      if (n.kind === 'heading') out.push({ start: n.start, text: n.text });
      visit(n.children);
    }
  };
  visit(nodes);
  return out.sort((a, b) => a.start - b.start);
}

/** `headings` in document order; the heading of an offset is the last one starting before it. */
function headingAt(headings: Heading[], at: number): string {
  let found = '';
  for (const h of headings) {
    if (h.start > at) break;
    found = h.text;
  }
  return found;
}

/** `indicators` by match index (page-indicators.ts), when the figures were named. */
export function recognitionRows(
  text: string,
  matches: Match[],
  headings: Heading[],
  indicators?: MatchIndicators,
): { figures: FigureRow[]; docNumbers: DocNumberRow[] } {
  const figures: FigureRow[] = [];
  const docNumbers: DocNumberRow[] = [];
  for (const [i, m] of matches.entries()) {
    const sentence = sentenceAround(text, m.start, m.end);
    const heading = headingAt(headings, m.start);
    if (m.category === 'figure') {
      const f = m as FigureMatch;
      const named = indicators?.[i];
      figures.push({
        text: f.text, value: f.value, unit: f.unit, approx: f.approx, before: f.before, after: f.after, sentence, heading,
        indicator: named?.name?.text ?? '', normalisedUnit: named?.value.unit ?? '', bound: named?.value.bound ?? '',
      });
    } else if (m.category === 'docno') {
      const d = m as DocNumberMatch;
      docNumbers.push({ text: d.text, agency: d.agency, year: d.year, serial: d.serial, sentence, heading });
    }
  }
  return { figures, docNumbers };
}
