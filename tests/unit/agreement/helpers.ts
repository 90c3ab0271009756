// Annotations and pages for the agreement tests, and a reference that codes unit by unit — the slow, obvious way
// the interval sweeps of agreement/tally.ts must agree with.
import type { AnnotationRecord } from '../../../model';
import type { Coder } from '../../../agreement/coders';
import { partsOf, sentenceUnits, spansOf, type UnitKind } from '../../../agreement/units';

export const T1 = 'urn:uuid:7e1a0000-0000-4000-8000-000000000001';
export const T2 = 'urn:uuid:7e1a0000-0000-4000-8000-000000000002';
export const T3 = 'urn:uuid:7e1a0000-0000-4000-8000-000000000003';

export const CODERS: Coder[] = [
  { id: 'https://team.example.cn/people/wang', name: '王小明' },
  { id: 'https://team.example.cn/people/li', name: '李华' },
  { id: 'https://team.example.cn/people/zhao', name: '赵敏' },
  { id: 'https://team.example.cn/people/qian', name: '钱进' },
];

let serial = 0;

export function annotation(
  page: { url: string; text: string },
  coder: Coder | undefined,
  start: number,
  end: number,
  terms: string[],
  extra: Partial<AnnotationRecord> = {},
): AnnotationRecord {
  serial++;
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`,
    pageUrl: page.url,
    sourceUrl: page.url,
    quote: { exact: page.text.slice(start, end), prefix: page.text.slice(Math.max(0, start - 8), start), suffix: page.text.slice(end, end + 8) },
    position: { start, end },
    terms,
    note: '',
    ...(coder ? { creator: { id: coder.id, name: coder.name } } : {}),
    created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z',
    ...extra,
  };
}

export interface RefPage {
  url: string;
  text: string;
  title?: string;
}

/** Units of a page as plain ranges: every code unit for characters, else cut by the rules of units.ts (what is
 *  checked against this reference is the counting, not the cutting). */
export function referenceUnits(page: RefPage, kind: UnitKind): Array<{ start: number; end: number }> {
  if (kind === 'character') return Array.from({ length: page.text.length }, (_x, i) => ({ start: i, end: i + 1 }));
  if (kind === 'sentence') return spansOf(sentenceUnits(page.text));
  return partsOf(page.text, page.title);
}

/**
 * Reliability data, coders × units, unit by unit: 1 when one of the coder's annotations with `term` overlaps the
 * unit, 0 when not, null when the coder has no annotation on the page at all. Units of all pages in a row.
 */
export function referenceData(
  pages: RefPage[],
  annotations: AnnotationRecord[],
  coders: Coder[],
  kind: UnitKind,
  term: string,
): (0 | 1 | null)[][] {
  const rows: (0 | 1 | null)[][] = coders.map(() => []);
  for (const page of pages) {
    const units = referenceUnits(page, kind);
    coders.forEach((coder, i) => {
      const mine = annotations.filter((a) => a.pageUrl === page.url && a.creator?.id === coder.id);
      for (const u of units) {
        if (mine.length === 0) rows[i].push(null);
        else rows[i].push(mine.some((a) => a.terms.includes(term) && a.position!.start < u.end && a.position!.end > u.start) ? 1 : 0);
      }
    });
  }
  return rows;
}
