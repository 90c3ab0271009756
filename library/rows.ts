// The library's table rows: an annotation with what the table shows about it looked up once, when the library is
// loaded, so that filtering and sorting 100,000 rows never touch the database or build strings again.
import type { AnnotationRecord, PageRecord, Term } from '../model';

export interface LibraryRow {
  annotation: AnnotationRecord;
  page: PageRecord | undefined;
  /** Term labels in the annotation's order (Chinese, else English, else the IRI), joined with '、'. */
  termText: string;
  /** Everything the search box looks through, lower-cased: quote, note, title, issuer, document number, terms. */
  haystack: string;
}

export function termName(term: Term | undefined, id: string): string {
  return term?.label.zh || term?.label.en || id;
}

export function toRow(
  annotation: AnnotationRecord,
  pages: ReadonlyMap<string, PageRecord>,
  terms: ReadonlyMap<string, Term>,
): LibraryRow {
  const page = pages.get(annotation.pageUrl);
  const termText = annotation.terms.map((id) => termName(terms.get(id), id)).join('、');
  // English labels are searchable too, though the cell shows the Chinese one.
  const english = annotation.terms.map((id) => terms.get(id)?.label.en ?? '').join(' ');
  const haystack = [
    annotation.quote?.exact ?? '',
    annotation.note,
    page?.title ?? '',
    page?.issuer ?? '',
    page?.docNumber ?? '',
    termText,
    english,
    annotation.pageUrl,
  ]
    .join('\n')
    .toLowerCase();
  return { annotation, page, termText, haystack };
}
