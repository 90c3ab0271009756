// Import then export, as the library does it: the file's terms and pages become the export's context.
import type { ExportContext } from '../../../../exchange/export-context';
import { fromW3C, type ParseResult } from '../../../../exchange/jsonld-import';
import { toAnnotationCollection } from '../../../../exchange/jsonld';
import type { PageRecord, Term } from '../../../../model';

export const NOW = '2025-01-01T00:00:00.000Z';

export type Parsed = Extract<ParseResult, { ok: true }>;

export function ok(result: ParseResult): Parsed {
  if (!result.ok) throw new Error(`import failed: ${result.errors.join('; ')}`);
  return result;
}

export function contextOf(parsed: Parsed): ExportContext {
  const terms = new Map<string, Term>(
    parsed.importedTerms.map((t) => [t.id, { taxonomyId: 'urn:x:t', scheme: 'urn:x:s', notation: '', color: '#888888', order: 0, ...t }]),
  );
  const pages = new Map<string, PageRecord>(
    parsed.pages.map((p) => [p.url!, { title: '', kind: 'none', firstSeen: NOW, lastSeen: NOW, ...p, url: p.url! }]),
  );
  return { terms, pages };
}

/** The annotations of `doc` as Pizhu exports them after importing it. */
export function exported(doc: unknown): Record<string, unknown>[] {
  const parsed = ok(fromW3C(doc, { now: NOW }));
  const collection = toAnnotationCollection(parsed.annotations, contextOf(parsed)) as { first: { items: Record<string, unknown>[] } };
  return collection.first.items;
}

/** An annotation as it should come back: the collection gives the W3C context, so the annotation's own goes. */
export function withoutContext(a: Record<string, unknown>): Record<string, unknown> {
  const { '@context': context, ...rest } = a;
  return context === 'http://www.w3.org/ns/anno.jsonld' ? rest : a;
}
