// Export to the W3C Web Annotation Data Model (JSON-LD): each annotation as Pizhu writes its own (w3c-render.ts),
// with what an annotation from elsewhere kept put back (foreign.ts). Concepts (labels in both languages, notation,
// scheme, parent…) and page metadata (title, issuer, document number…) are described once per collection under
// `concepts` and `pages`, named by an extension context.
import type { AnnotationRecord, PageRecord, Term } from '../model';
import { randomUuid } from '../model';
import type { ExportContext } from './export-context';
import { withForeign } from './foreign';
import { COLLECTION_CONTEXT } from './jsonld-vocab';
import { batches, type Source, type StreamOptions } from './stream';
import { mustProblems } from './w3c-musts';
import { ownAnnotation, type JsonObject, type RenderLookup } from './w3c-render';

type Json = Record<string, unknown>;

function lookupOf(ctx: ExportContext): RenderLookup {
  return {
    termLabel: (id) => ctx.terms.get(id)?.label,
    pageTitle: (url) => ctx.pages.get(url)?.title,
    coderName: (id) => ctx.coders?.get(id),
  };
}

function write(a: AnnotationRecord, lookup: RenderLookup): JsonObject {
  const own = ownAnnotation(a, lookup);
  if (!a.foreign) return own;
  // Kept parts were checked on their way in; should one still fail (a record from an older Pizhu), it is left out
  // rather than the export failing a reader's validator.
  const out = withForeign(own, a, lookup);
  return mustProblems(out).length === 0 ? out : own;
}

/** One annotation, without an @context of its own unless it came with one: it is meant to sit inside a collection. */
export function toW3CAnnotation(a: AnnotationRecord, ctx: ExportContext): JsonObject {
  return write(a, lookupOf(ctx));
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
  const lookup = lookupOf(ctx);
  const items = annotations.map((a) => {
    refs.add(a);
    return write(a, lookup);
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
  const lookup = lookupOf(ctx);
  let total = 0;
  yield `{"@context":${JSON.stringify(COLLECTION_CONTEXT)},"id":${JSON.stringify(id)},` +
    `"type":"AnnotationCollection","label":${JSON.stringify(label)},` +
    `"first":{"id":${JSON.stringify(pageId)},"type":"AnnotationPage","startIndex":0,"items":[`;
  for await (const batch of batches(annotations, options)) {
    const parts = batch.map((a) => {
      refs.add(a);
      return JSON.stringify(write(a, lookup));
    });
    yield (total > 0 ? ',' : '') + parts.join(',');
    total += batch.length;
  }
  yield `]},"total":${total},"concepts":${JSON.stringify(refs.concepts(ctx))},` +
    `"pages":${JSON.stringify(refs.pageDescriptions(ctx))}}`;
}
