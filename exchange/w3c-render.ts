// How Pizhu writes an annotation of its own in the W3C model: one shape, so that one file serves a generic W3C
// client and a lossless Pizhu re-import.
//  - each term becomes a SpecificResource body with purpose "classifying" and the term IRI as its source: the
//    model's form for a semantic tag ("classify the target as an instance of this concept"). An External Web
//    Resource body `{ id: termIri }` cannot carry a purpose (the model reserves purpose for Specific Resources
//    and Textual Bodies, and the test suite fails it), and a TextualBody's id would name the body, not the term;
//  - right after it, a TextualBody with purpose "tagging" and the label as its value, so that clients that only
//    understand text tags (most of them) show the code. On re-import such a tag is recognised as the echo of the
//    concept next to it;
//  - the note is a TextualBody with purpose "commenting", format text/plain.
// The annotation's motivation follows its bodies: classifying, commenting, both, or highlighting for a bare mark.
// The target is a SpecificResource on the page as it was opened (sourceUrl) with a TextQuoteSelector and, when the
// position is known, a TextPositionSelector (in code points); the normalised page URL, when it differs, is the
// source's `canonical`. An annotation from elsewhere that names no passage targets the page itself.
// The creator is a Person with the coder's IRI and name.
import type { AnnotationRecord, Json, LocalizedText } from '../model';
import { GENERATOR } from './jsonld-vocab';

export type JsonObject = { [key: string]: Json };

/** What writing an annotation looks up besides the record: term labels and page titles. */
export interface RenderLookup {
  termLabel(id: string): LocalizedText | undefined;
  pageTitle(url: string): string | undefined;
  /** A coder's current name, by IRI (see ExportContext.coders). */
  coderName?(id: string): string | undefined;
}

export function motivationOf(terms: readonly string[], note: string): string | string[] {
  if (terms.length > 0 && note) return ['classifying', 'commenting'];
  if (terms.length > 0) return 'classifying';
  return note ? 'commenting' : 'highlighting';
}

/** A term's body and, when it has a label, the text tag that shows it. */
export function termBodies(id: string, lookup: RenderLookup): JsonObject[] {
  const out: JsonObject[] = [{ type: 'SpecificResource', purpose: 'classifying', source: id }];
  const label = lookup.termLabel(id);
  if (label?.zh) out.push({ type: 'TextualBody', purpose: 'tagging', value: label.zh, language: 'zh' });
  else if (label?.en) out.push({ type: 'TextualBody', purpose: 'tagging', value: label.en, language: 'en' });
  return out;
}

export function noteBody(note: string): JsonObject {
  return { type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' };
}

export function ownBodies(a: Pick<AnnotationRecord, 'terms' | 'note'>, lookup: RenderLookup): JsonObject[] {
  const out = a.terms.flatMap((id) => termBodies(id, lookup));
  if (a.note) out.push(noteBody(a.note));
  return out;
}

export function positionSelector(position: NonNullable<AnnotationRecord['position']>): JsonObject {
  return { type: 'TextPositionSelector', start: position.start, end: position.end };
}

export function ownTarget(a: AnnotationRecord, lookup: RenderLookup): JsonObject {
  const title = lookup.pageTitle(a.pageUrl);
  const page: JsonObject = { id: a.sourceUrl, type: 'Text' };
  if (a.pageUrl !== a.sourceUrl) page.canonical = a.pageUrl;
  if (title) page.title = title;
  const selector: JsonObject[] = [];
  if (a.quote) selector.push({ type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix });
  if (a.position) selector.push(positionSelector(a.position));
  return selector.length > 0 ? { type: 'SpecificResource', source: page, selector } : page;
}

export function creatorName(creator: NonNullable<AnnotationRecord['creator']>, lookup: Pick<RenderLookup, 'coderName'>): string {
  return (creator.id && lookup.coderName?.(creator.id)) || creator.name;
}

export function ownCreator(creator: NonNullable<AnnotationRecord['creator']>, lookup: RenderLookup): JsonObject {
  const out: JsonObject = {};
  if (creator.id) out.id = creator.id;
  out.type = 'Person';
  const name = creatorName(creator, lookup);
  if (name) out.name = name;
  return out;
}

/** The annotation as Pizhu writes its own, without an @context (it sits inside a collection that has one). */
export function ownAnnotation(a: AnnotationRecord, lookup: RenderLookup): JsonObject {
  const out: JsonObject = {
    id: a.id,
    type: 'Annotation',
    motivation: motivationOf(a.terms, a.note),
    created: a.created,
    modified: a.modified,
  };
  if (a.creator) out.creator = ownCreator(a.creator, lookup);
  out.generator = { ...GENERATOR };
  const body = ownBodies(a, lookup);
  if (body.length > 0) out.body = body;
  out.target = ownTarget(a, lookup);
  return out;
}
