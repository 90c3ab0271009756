// What the library shows: a search text and filters (term, page, page kind, date range) over the loaded rows, then
// one sort. Pure functions over arrays, so that the component only keeps the query and re-runs these.
import type { PageKind } from '../model';
import type { LibraryRow } from './rows';

export type SortKey = 'created' | 'modified' | 'title' | 'issuer' | 'docNumber' | 'quote' | 'terms' | 'note';

export interface LibraryQuery {
  text: string;
  /** A term IRI; '' for any. */
  term: string;
  /** A normalised page URL; '' for any. */
  page: string;
  kind: PageKind | '';
  /** A coder's IRI (the annotation's creator); '' for anyone. */
  coder: string;
  /** Creation date bounds, `YYYY-MM-DD`, inclusive; '' for open. */
  from: string;
  to: string;
  sort: SortKey;
  descending: boolean;
}

export const EMPTY_QUERY: LibraryQuery = {
  text: '',
  term: '',
  page: '',
  kind: '',
  coder: '',
  from: '',
  to: '',
  sort: 'created',
  descending: true,
};

export function isFiltered(q: LibraryQuery): boolean {
  return q.text.trim() !== '' || q.term !== '' || q.page !== '' || q.kind !== '' || q.coder !== '' || q.from !== '' || q.to !== '';
}

/**
 * Dates are compared on the local calendar day of `created`, as the reader sees it in the table. The `to` bound
 * includes its whole day.
 */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function filterRows(rows: readonly LibraryRow[], q: LibraryQuery): LibraryRow[] {
  // Several words must all occur (in any field): "行政复议 张县" finds 张县's passages on administrative review.
  const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  const out: LibraryRow[] = [];
  for (const row of rows) {
    const a = row.annotation;
    if (q.page && a.pageUrl !== q.page) continue;
    if (q.term && !a.terms.includes(q.term)) continue;
    if (q.kind && (row.page?.kind ?? 'none') !== q.kind) continue;
    if (q.coder && a.creator?.id !== q.coder) continue;
    if (q.from || q.to) {
      const day = localDay(a.created);
      if (q.from && day < q.from) continue;
      if (q.to && day > q.to) continue;
    }
    if (words.length > 0 && !words.every((w) => row.haystack.includes(w))) continue;
    out.push(row);
  }
  return out;
}

const KEYS: Record<SortKey, (r: LibraryRow) => string> = {
  created: (r) => r.annotation.created,
  modified: (r) => r.annotation.modified,
  title: (r) => r.page?.title ?? '',
  issuer: (r) => r.page?.issuer ?? '',
  docNumber: (r) => r.page?.docNumber ?? '',
  quote: (r) => r.annotation.quote?.exact ?? '',
  terms: (r) => r.termText,
  note: (r) => r.annotation.note,
};

/**
 * Sorts a copy. Strings compare by code point, not by a Chinese collator: Intl.Collator over 100,000 rows takes
 * seconds, and code-point order still groups equal titles and puts ISO dates in time order. Ties keep creation
 * order (newest first when descending), so that the order is the same on every run.
 */
export function sortRows(rows: readonly LibraryRow[], sort: SortKey, descending: boolean): LibraryRow[] {
  const key = KEYS[sort];
  const keyed = rows.map((row) => ({ row, k: key(row), c: row.annotation.created, id: row.annotation.id }));
  const sign = descending ? -1 : 1;
  keyed.sort((x, y) => {
    if (x.k !== y.k) return x.k < y.k ? -sign : sign;
    if (x.c !== y.c) return x.c < y.c ? -sign : sign;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}

export function applyQuery(rows: readonly LibraryRow[], q: LibraryQuery): LibraryRow[] {
  return sortRows(filterRows(rows, q), q.sort, q.descending);
}
