// What a team's CouchDB database holds: one document per annotation, page, term and taxonomy, under a stable id
// (`annotation:urn:uuid:…`, `page:<normalised url>`, `term:<iri>`, `taxonomy:<iri>`), with its `type`, the
// schema version it was written in, the CouchDB name of whoever wrote that revision (`by`), and the record itself
// under `data`. A deletion is a tombstone revision of the same id.
//
// Remote documents are as hostile as any file: readDoc takes only the fields Pizhu knows, each within a bound, and
// refuses the rest; a document written by a newer Pizhu (a higher `schema`) is left as it is, never rewritten.
import { MAX_DOC_NUMBER_LENGTH, MAX_IRI_LENGTH, MAX_TERMS_PER_ANNOTATION } from '../exchange/bounds';
import { checkAnnotationRecord } from '../exchange/record-check';
import { checkStructure } from '../reading/structure';
import type { AnnotationRecord, LocalizedText, PageKind, PageRecord, Scheme, Taxonomy, Term } from '../model';

/** The version of the document format this Pizhu writes and reads. */
export const DOC_SCHEMA = 1;

export type DocKind = 'annotation' | 'page' | 'term' | 'taxonomy';
export const DOC_KINDS: readonly DocKind[] = ['taxonomy', 'term', 'page', 'annotation'];

/** The Dexie table of each kind, and the key field of its records. */
export const TABLE_OF: Record<DocKind, 'annotations' | 'pages' | 'terms' | 'taxonomies'> = {
  annotation: 'annotations',
  page: 'pages',
  term: 'terms',
  taxonomy: 'taxonomies',
};
export const KIND_OF_TABLE: Record<string, DocKind | undefined> = {
  annotations: 'annotation',
  pages: 'page',
  terms: 'term',
  taxonomies: 'taxonomy',
};

/** The codebook's kinds: only the team's codebook editors may write them (the design document enforces it). */
export const CODEBOOK_KINDS: ReadonlySet<DocKind> = new Set(['term', 'taxonomy']);

/**
 * What a page document carries: what recognition found, the text annotations anchor to and how the page laid it out
 * (the reader of a stored copy shows it so), not when it was seen.
 */
export type PageData = Pick<PageRecord, 'url' | 'title' | 'kind' | 'docNumber' | 'issuer' | 'published' | 'snapshot' | 'snapshotAt' | 'snapshotStructure'>;

export type RecordOf<K extends DocKind> = K extends 'annotation'
  ? AnnotationRecord
  : K extends 'page'
    ? PageData
    : K extends 'term'
      ? Term
      : Taxonomy;

/** The part of a revision that is its content: what is compared, hashed into its revision id, and shown. */
export interface DocBody {
  type: DocKind;
  schema: number;
  data?: unknown;
  _deleted?: true;
}

/** A document as CouchDB and PouchDB hold it. */
export interface TeamDoc extends DocBody {
  _id: string;
  _rev?: string;
  _revisions?: { start: number; ids: string[] };
  _conflicts?: string[];
  /** The CouchDB user who wrote this revision (checked by the server). */
  by?: string;
}

/** Ids and URLs are keys here as in the database: the same bound as a file's (exchange/bounds.ts). */
const MAX_ID = MAX_IRI_LENGTH;

export function docId(kind: DocKind, key: string): string {
  return `${kind}:${key}`;
}

export function parseDocId(id: string): { kind: DocKind; key: string } | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = id.slice(0, colon) as DocKind;
  return kind in TABLE_OF && id.length > colon + 1 ? { kind, key: id.slice(colon + 1) } : null;
}

/** The key of a record of the kind (annotations, terms, taxonomies: id; pages: url). */
export function keyOf(kind: DocKind, record: { id?: string; url?: string }): string {
  return (kind === 'page' ? record.url : record.id) ?? '';
}

/**
 * The content of a record's revision, in the form readDoc gives back (so that a record and its own document compare
 * equal), or why the record cannot be shared: what a teammate's Pizhu would refuse is not sent. Pages leave out
 * what is this browser's own (when it was seen, the folded document-number key).
 */
export function toBody(kind: DocKind, record: object | undefined): { ok: true; body: DocBody } | { ok: false; reason: string } {
  if (record === undefined) return { ok: true, body: { type: kind, schema: DOC_SCHEMA, _deleted: true } };
  const key = keyOf(kind, record as { id?: string; url?: string });
  try {
    const data = JSON.parse(JSON.stringify(record)) as Obj;
    return { ok: true, body: { type: kind, schema: DOC_SCHEMA, data: READERS[kind](data, key) } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    throw e;
  }
}

/**
 * JSON with object keys in code-point order, so that equal contents give equal text whatever order their fields
 * were set in (a record read back from IndexedDB, from PouchDB or built by the UI).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The text two revisions are compared by: their content as readDoc reads it, without ids, revisions or who wrote
 * them. A document this Pizhu cannot read compares by its raw content.
 */
export function contentKey(body: DocBody | TeamDoc | undefined): string {
  if (!body || body._deleted) return 'deleted';
  if ('_id' in body) {
    const read = readDoc(body);
    if (read.status === 'record') return canonicalJson({ type: body.type, schema: DOC_SCHEMA, data: read.record });
  }
  return canonicalJson({ type: body.type, schema: body.schema, data: body.data });
}

// ── Reading a remote document ────────────────────────────────────────────────────────────────────────────────────

export type ReadResult =
  | { status: 'record'; kind: DocKind; key: string; record: AnnotationRecord | PageData | Term | Taxonomy }
  | { status: 'deleted'; kind: DocKind; key: string }
  /** Written by a newer Pizhu: kept in the database as it is, not applied here. */
  | { status: 'newer'; kind: DocKind; key: string }
  /** Not one of Pizhu's documents (a design document, something else in the database): left alone. */
  | { status: 'foreign' }
  | { status: 'invalid'; kind: DocKind; key: string; reason: string };

/** Bounds on what a remote document may bring into the local database. */
export const LIMITS = {
  id: MAX_ID,
  url: MAX_IRI_LENGTH,
  shortText: 500,
  title: 2000,
  quote: 100_000,
  context: 2000,
  note: 100_000,
  terms: MAX_TERMS_PER_ANNOTATION,
  schemes: 200,
  scopeNote: 20_000,
  snapshot: 10_000_000,
} as const;

class Invalid extends Error {}

const fail = (reason: string): never => {
  throw new Invalid(reason);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Obj, field: string, max: number): string {
  const v = o[field];
  if (typeof v !== 'string') return fail(`${field}: not text`);
  if (v.length > max) return fail(`${field}: longer than ${max}`);
  return v;
}

function optStr(o: Obj, field: string, max: number): string | undefined {
  return o[field] === undefined ? undefined : str(o, field, max);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function time(o: Obj, field: string): string {
  const v = str(o, field, 40);
  return ISO_TIME.test(v) ? v : fail(`${field}: not an ISO date-time`);
}

function int(o: Obj, field: string): number {
  const v = o[field];
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(`${field}: not a whole number`);
}

function num(o: Obj, field: string): number {
  const v = o[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(`${field}: not a number`);
}

function obj(o: Obj, field: string): Obj {
  const v = o[field];
  return isObj(v) ? v : fail(`${field}: not an object`);
}

function localized(o: Obj, field: string, max: number): LocalizedText {
  const v = obj(o, field);
  return { zh: str(v, 'zh', max), en: str(v, 'en', max) };
}

function optLocalized(o: Obj, field: string, max: number): LocalizedText | undefined {
  return o[field] === undefined ? undefined : localized(o, field, max);
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function readAnnotation(d: Obj, key: string): AnnotationRecord {
  // The checks an import and a restore make (exchange/record-check.ts), so that a record refused from a file is not
  // taken from the team's database, nor the other way round; quote and position may be absent, as there. Then what
  // one document may carry on top of them: no passage nor note longer than a page would hold.
  const checked = checkAnnotationRecord(d);
  if (!checked.ok) return fail(`${checked.field}: not valid`);
  const record = checked.record;
  if (record.id !== key) fail('id: not the document’s');
  if (record.quote) {
    const { exact, prefix, suffix } = record.quote;
    if (exact.length > LIMITS.quote) fail(`quote: longer than ${LIMITS.quote}`);
    if (prefix.length > LIMITS.context || suffix.length > LIMITS.context) fail(`quote: context longer than ${LIMITS.context}`);
  }
  if (record.note.length > LIMITS.note) fail(`note: longer than ${LIMITS.note}`);
  return record;
}

const PAGE_KINDS: readonly PageKind[] = ['report', 'document', 'none'];

function readPage(d: Obj, key: string): PageData {
  const url = str(d, 'url', LIMITS.url);
  if (url !== key) fail('url: not the document’s');
  const kind = str(d, 'kind', 20) as PageKind;
  if (!PAGE_KINDS.includes(kind)) fail('kind: not a page kind');
  const published = optStr(d, 'published', 10);
  if (published !== undefined && !ISO_DAY.test(published)) fail('published: not a date');
  const snapshot = optStr(d, 'snapshot', LIMITS.snapshot);
  return defined({
    url,
    title: str(d, 'title', LIMITS.title),
    kind,
    docNumber: optStr(d, 'docNumber', MAX_DOC_NUMBER_LENGTH),
    issuer: optStr(d, 'issuer', LIMITS.shortText),
    published,
    snapshot,
    snapshotAt: d.snapshotAt === undefined ? undefined : time(d, 'snapshotAt'),
    // Checked as the reader checks it (reading/structure.ts); one that is not a structure of this text is left out,
    // and the reader reads the text's own lines instead, as for a text that came by import.
    snapshotStructure: snapshot === undefined ? undefined : checkStructure(snapshot, d.snapshotStructure),
  });
}

function readTerm(d: Obj, key: string): Term {
  const id = str(d, 'id', LIMITS.id);
  if (id !== key) fail('id: not the document’s');
  const color = str(d, 'color', 7);
  if (!/^#[0-9a-f]{6}$/i.test(color)) fail('color: not #rrggbb');
  const shortcut = optStr(d, 'shortcut', 2);
  if (shortcut !== undefined && [...shortcut].length !== 1) fail('shortcut: not one character');
  if (d.retired !== undefined && typeof d.retired !== 'boolean') fail('retired: not true or false');
  return defined({
    id,
    taxonomyId: str(d, 'taxonomyId', LIMITS.id),
    scheme: str(d, 'scheme', LIMITS.id),
    notation: str(d, 'notation', LIMITS.shortText),
    label: localized(d, 'label', LIMITS.shortText),
    color: color.toLowerCase(),
    scopeNote: optLocalized(d, 'scopeNote', LIMITS.scopeNote),
    parent: optStr(d, 'parent', LIMITS.id),
    shortcut,
    retired: d.retired === true ? true : undefined,
    order: num(d, 'order'),
  });
}

function readScheme(s: unknown, i: number): Scheme {
  if (!isObj(s)) return fail(`schemes[${i}]: not an object`);
  return defined({
    id: str(s, 'id', LIMITS.id),
    label: localized(s, 'label', LIMITS.shortText),
    scopeNote: optLocalized(s, 'scopeNote', LIMITS.scopeNote),
    order: num(s, 'order'),
  });
}

function readTaxonomy(d: Obj, key: string): Taxonomy {
  const id = str(d, 'id', LIMITS.id);
  if (id !== key) fail('id: not the document’s');
  const schemes = d.schemes;
  if (!Array.isArray(schemes) || schemes.length > LIMITS.schemes) fail('schemes: not a list of at most 200');
  return {
    id,
    label: localized(d, 'label', LIMITS.shortText),
    schemes: (schemes as unknown[]).map(readScheme),
    version: int(d, 'version'),
    modified: time(d, 'modified'),
  };
}

const READERS = { annotation: readAnnotation, page: readPage, term: readTerm, taxonomy: readTaxonomy } as const;

/** A document from the team's database, as a record this browser can store, or why not. Never throws. */
export function readDoc(doc: unknown): ReadResult {
  if (!isObj(doc) || typeof doc._id !== 'string') return { status: 'foreign' };
  const parsed = parseDocId(doc._id);
  if (!parsed) return { status: 'foreign' };
  const { kind, key } = parsed;
  if (key.length > MAX_ID) return { status: 'invalid', kind, key: key.slice(0, 100), reason: 'id: too long' };
  if (doc._deleted === true) return { status: 'deleted', kind, key };
  if (doc.type !== kind) return { status: 'invalid', kind, key, reason: 'type: not the id’s' };
  if (typeof doc.schema !== 'number' || !Number.isSafeInteger(doc.schema) || doc.schema < 1) {
    return { status: 'invalid', kind, key, reason: 'schema: missing' };
  }
  if (doc.schema > DOC_SCHEMA) return { status: 'newer', kind, key };
  if (!isObj(doc.data)) return { status: 'invalid', kind, key, reason: 'data: not an object' };
  try {
    return { status: 'record', kind, key, record: READERS[kind](doc.data, key) };
  } catch (e) {
    if (e instanceof Invalid) return { status: 'invalid', kind, key, reason: e.message };
    throw e;
  }
}
