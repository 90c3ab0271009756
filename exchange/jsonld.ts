// Export to the W3C Web Annotation Data Model (JSON-LD).
//
// Design of the bodies, so that one file serves a generic W3C client and a lossless Pizhu re-import:
//  - each term becomes a SpecificResource body with purpose "classifying" and the term IRI as its source: the
//    model's form for a semantic tag ("classify the target as an instance of this concept"). An External Web
//    Resource body `{ id: termIri }` cannot carry a purpose (the model reserves purpose for Specific Resources
//    and Textual Bodies, and the test suite fails it), and a TextualBody's id would name the body, not the term;
//  - right after it, a TextualBody with purpose "tagging" and the label as its value, so that clients that only
//    understand text tags (most of them) show the code. On re-import such a tag is recognised as the echo of the
//    concept next to it and dropped;
//  - the note is a TextualBody with purpose "commenting", format text/plain.
// The annotation's motivation follows its bodies: classifying, commenting, both, or highlighting for a bare mark.
// The target is a SpecificResource on the page as it was opened (sourceUrl) with a TextQuoteSelector and a
// TextPositionSelector; the normalised page URL, when it differs, is the source's `canonical`.
// Concepts (labels in both languages, notation, scheme, parent…) and page metadata (title, issuer, document
// number…) are described once per collection under `concepts` and `pages`, named by an extension context.
import type { AnnotationRecord, PageRecord, Term } from '../model';
import { randomUuid } from '../model';
import type { ExportContext } from './export-context';
import { COLLECTION_CONTEXT, GENERATOR } from './jsonld-vocab';
import { batches, type Source, type StreamOptions } from './stream';

type Json = Record<string, unknown>;

function motivation(a: AnnotationRecord): string | string[] {
  if (a.terms.length > 0 && a.note) return ['classifying', 'commenting'];
  if (a.terms.length > 0) return 'classifying';
  return a.note ? 'commenting' : 'highlighting';
}

function bodies(a: AnnotationRecord, ctx: ExportContext): Json[] {
  const out: Json[] = [];
  for (const id of a.terms) {
    out.push({ type: 'SpecificResource', purpose: 'classifying', source: id });
    const label = ctx.terms.get(id)?.label;
    if (label?.zh) out.push({ type: 'TextualBody', purpose: 'tagging', value: label.zh, language: 'zh' });
    else if (label?.en) out.push({ type: 'TextualBody', purpose: 'tagging', value: label.en, language: 'en' });
  }
  if (a.note) out.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  return out;
}

/** One annotation, without an @context of its own: it is meant to sit inside a collection. */
export function toW3CAnnotation(a: AnnotationRecord, ctx: ExportContext): Json {
  const title = ctx.pages.get(a.pageUrl)?.title;
  const source: Json = { id: a.sourceUrl, type: 'Text' };
  if (a.pageUrl !== a.sourceUrl) source.canonical = a.pageUrl;
  if (title) source.title = title;
  const out: Json = {
    id: a.id,
    type: 'Annotation',
    motivation: motivation(a),
    created: a.created,
    modified: a.modified,
  };
  if (a.creator) {
    out.creator = a.creator.id
      ? { id: a.creator.id, type: 'Person', name: a.creator.name }
      : { type: 'Person', name: a.creator.name };
  }
  out.generator = GENERATOR;
  const body = bodies(a, ctx);
  if (body.length > 0) out.body = body;
  out.target = {
    type: 'SpecificResource',
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
      { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
    ],
  };
  return out;
}

function describeConcept(t: Term): Json {
  const out: Json = {
    id: t.id,
    type: 'Concept',
    prefLabel: { zh: t.label.zh, en: t.label.en },
    notation: t.notation,
    inScheme: t.scheme,
    taxonomy: t.taxonomyId,
    color: t.color,
    order: t.order,
  };
  if (t.parent !== undefined) out.broader = t.parent;
  if (t.scopeNote) out.scopeNote = { zh: t.scopeNote.zh, en: t.scopeNote.en };
  if (t.shortcut !== undefined) out.shortcut = t.shortcut;
  if (t.retired !== undefined) out.retired = t.retired;
  return out;
}

// firstSeen, lastSeen and the text snapshot stay out: they record one reader's visits, not the page.
function describePage(p: PageRecord): Json {
  const out: Json = { id: p.url, type: 'Text', title: p.title, pageKind: p.kind };
  if (p.docNumber !== undefined) out.docNumber = p.docNumber;
  if (p.issuer !== undefined) out.issuer = p.issuer;
  if (p.published !== undefined) out.published = p.published;
  return out;
}

/** What the exported annotations refer to, in first-use order, so that each is described once. */
class References {
  readonly terms = new Set<string>();
  readonly pages = new Set<string>();

  add(a: AnnotationRecord): void {
    for (const t of a.terms) this.terms.add(t);
    this.pages.add(a.pageUrl);
  }

  concepts(ctx: ExportContext): Json[] {
    return [...this.terms].flatMap((id) => {
      const t = ctx.terms.get(id);
      return t ? [describeConcept(t)] : [];
    });
  }

  pageDescriptions(ctx: ExportContext): Json[] {
    return [...this.pages].flatMap((url) => {
      const p = ctx.pages.get(url);
      return p ? [describePage(p)] : [];
    });
  }
}

export interface CollectionOptions {
  /** The collection's IRI; a fresh urn:uuid by default. */
  id?: string;
  label?: string;
}

const DEFAULT_LABEL = 'Pizhu annotations';

function head(options: CollectionOptions): { id: string; label: string; pageId: string } {
  const id = options.id ?? `urn:uuid:${randomUuid()}`;
  return { id, label: options.label ?? DEFAULT_LABEL, pageId: `${id}#page-1` };
}

/** An AnnotationCollection with every annotation inline in its single AnnotationPage. */
export function toAnnotationCollection(
  annotations: readonly AnnotationRecord[],
  ctx: ExportContext,
  options: CollectionOptions = {},
): Json {
  const { id, label, pageId } = head(options);
  const refs = new References();
  const items = annotations.map((a) => {
    refs.add(a);
    return toW3CAnnotation(a, ctx);
  });
  return {
    '@context': COLLECTION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: { id: pageId, type: 'AnnotationPage', startIndex: 0, items },
    concepts: refs.concepts(ctx),
    pages: refs.pageDescriptions(ctx),
  };
}

/**
 * The same collection as toAnnotationCollection, as JSON text in chunks (one per batch), for exports too large
 * to hold as one object. `total` and the descriptions come after the items, once they are known.
 */
export async function* annotationCollectionJson(
  annotations: Source<AnnotationRecord>,
  ctx: ExportContext,
  options: CollectionOptions & StreamOptions = {},
): AsyncGenerator<string> {
  const { id, label, pageId } = head(options);
  const refs = new References();
  let total = 0;
  yield `{"@context":${JSON.stringify(COLLECTION_CONTEXT)},"id":${JSON.stringify(id)},` +
    `"type":"AnnotationCollection","label":${JSON.stringify(label)},` +
    `"first":{"id":${JSON.stringify(pageId)},"type":"AnnotationPage","startIndex":0,"items":[`;
  for await (const batch of batches(annotations, options)) {
    const parts = batch.map((a) => {
      refs.add(a);
      return JSON.stringify(toW3CAnnotation(a, ctx));
    });
    yield (total > 0 ? ',' : '') + parts.join(',');
    total += batch.length;
  }
  yield `]},"total":${total},"concepts":${JSON.stringify(refs.concepts(ctx))},` +
    `"pages":${JSON.stringify(refs.pageDescriptions(ctx))}}`;
}
