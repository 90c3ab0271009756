// Annotations from other tools leave as they came. An import reads what Pizhu uses (page, passage, terms, note,
// creator, dates) into the record, and keeps in `foreign` whatever Pizhu would not write the same way itself;
// export starts from what Pizhu writes (w3c-render.ts) and puts those parts back. Pizhu's own exports have nothing
// to keep, so a library that goes out and comes back in is stored exactly as before.
//
// What an edit in Pizhu does to a kept part: a term removed takes its body (and the text tag echoing it) along; a
// term added is written Pizhu's way after the kept bodies; a changed note replaces the value of the first body it
// was read from (format text/plain); a position learned by anchoring is added as a TextPositionSelector next to the
// TextQuoteSelector it was found by. The file's motivation is kept as it came.
//
// Only what passes the W3C test suite's MUST assertions is kept (w3c-musts.ts): a kept part that fails them is left
// out, the rest stays, and the import preview counts it. An annotation whose kept parts would be larger than
// MAX_FOREIGN_CHARS keeps none of them.
import type { AnnotationRecord, BodyRole, ForeignBody, ForeignParts, Json } from '../model';
import { boundedJsonLength, MAX_FOREIGN_CHARS, MAX_FOREIGN_DEPTH } from './bounds';
import { ANNO_CONTEXT } from './jsonld-vocab';
import { mustProblems } from './w3c-musts';
import { noteBody, ownAnnotation, positionSelector, termBodies, type JsonObject, type RenderLookup } from './w3c-render';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as JsonObject)[k], (b as JsonObject)[k]));
}

function isQuoteSelector(s: Json): boolean {
  return isObj(s) && (s.type === 'TextQuoteSelector' || (Array.isArray(s.type) && s.type.includes('TextQuoteSelector')));
}

/** The target Pizhu reads the passage from: the first that has a TextQuoteSelector among its selectors. */
export function quotedTarget(target: Json | undefined): JsonObject | undefined {
  for (const t of list(target)) if (isObj(t) && list(t.selector).some(isQuoteSelector)) return t;
  return undefined;
}

/** Properties Pizhu reads itself and writes from the record (or, for body and target, through `foreign`). */
const OWN_KEYS = new Set(['id', 'created', 'modified', 'body', 'bodyValue', 'target']);
/** What Pizhu writes that a file may leave out, and that is then left out again. */
const OPTIONAL_OWN_KEYS = ['motivation', 'created', 'modified', 'creator', 'generator'];

export type DropReason = 'invalid' | 'size';

export interface ReadBodies {
  /** What Pizhu read from each body, in the order of the file's (list of) bodies. */
  roles: (BodyRole | undefined)[];
  /** The note came from `bodyValue`. */
  bodyValue: boolean;
}

const PROBE_ID = 'urn:pizhu:probe';

/**
 * What Pizhu must keep of `input` (an annotation as the file has it, already normalised by the reader) to write it
 * back as it came, given the record read from it. Parts that would make the written annotation fail the W3C
 * assertions, or that are too large, are left out and named in `dropped`.
 */
export function keepForeign(
  input: JsonObject,
  record: AnnotationRecord,
  read: ReadBodies,
  lookup: RenderLookup,
): { foreign?: ForeignParts; dropped: DropReason[] } {
  const own = ownAnnotation(record, lookup);
  const parts: ForeignParts = {};
  const properties: Record<string, Json> = {};
  for (const [key, value] of Object.entries(input)) {
    if (OWN_KEYS.has(key)) continue;
    if (key === '@context') {
      // The collection gives the W3C context; an annotation's own is kept only when it says more.
      if (value === ANNO_CONTEXT || (Array.isArray(value) && value.length === 1 && value[0] === ANNO_CONTEXT)) continue;
    } else if (deepEqual(value, own[key])) continue;
    properties[key] = value;
  }
  if (Object.keys(properties).length > 0) parts.properties = properties;
  const omitted = OPTIONAL_OWN_KEYS.filter((k) => own[k] !== undefined && !Object.prototype.hasOwnProperty.call(input, k));
  if (omitted.length > 0) parts.omitted = omitted;
  if (input.bodyValue !== undefined || !deepEqual(input.body, own.body)) {
    parts.bodies = list(input.body).map((body, i) => {
      const role = read.roles[i];
      return role ? { body, role } : { body };
    });
    if (input.body !== undefined && !Array.isArray(input.body)) parts.singleBody = true;
    if (read.bodyValue && input.body === undefined) parts.bodyValue = true;
  }
  if (input.target !== undefined && !deepEqual(input.target, own.target)) parts.target = input.target;
  return sanitiseForeign(parts, record, lookup);
}

/**
 * The parts that can be written back: each property, body and target must pass the W3C assertions alone and all
 * together, and the whole must stay within MAX_FOREIGN_CHARS. Used on import and on what a backup brings back.
 */
export function sanitiseForeign(
  raw: ForeignParts,
  record: AnnotationRecord,
  lookup: RenderLookup,
): { foreign?: ForeignParts; dropped: DropReason[] } {
  const dropped: DropReason[] = [];
  // Pizhu's own annotations keep nothing: the common case costs no checking.
  if (Object.keys(raw).length === 0) return { dropped };
  if (boundedJsonLength(raw, MAX_FOREIGN_CHARS, MAX_FOREIGN_DEPTH) === undefined) {
    // The omitted list is small and keeps dates and motivation honest; the rest goes.
    const omitted = Array.isArray(raw.omitted) ? raw.omitted.filter((k) => OPTIONAL_OWN_KEYS.includes(k)) : [];
    return { foreign: omitted.length ? { omitted } : undefined, dropped: ['size'] };
  }
  const parts: ForeignParts = {};
  // From a backup, `raw` is whatever the file holds: every part is checked for its shape as well.
  const rawProperties = isObj(raw.properties) ? raw.properties : {};
  const stylesheet = rawProperties.stylesheet;
  // The stylesheet goes with every probe: a styleClass in a body or target needs it.
  const probe = (extra: JsonObject) =>
    mustProblems({ id: PROBE_ID, type: 'Annotation', target: PROBE_ID, ...(stylesheet !== undefined ? { stylesheet } : {}), ...extra }).length === 0;
  const properties: Record<string, Json> = {};
  for (const [key, value] of Object.entries(rawProperties)) {
    if (OWN_KEYS.has(key) || key === '__proto__') continue;
    if (probe({ [key]: value })) properties[key] = value;
    else dropped.push('invalid');
  }
  if (Object.keys(properties).length > 0) parts.properties = properties;
  const omitted = (Array.isArray(raw.omitted) ? raw.omitted : []).filter((k) => OPTIONAL_OWN_KEYS.includes(k));
  if (omitted.length > 0) parts.omitted = omitted;
  if (raw.bodies !== undefined || raw.bodyValue) {
    parts.bodies = [];
    for (const b of Array.isArray(raw.bodies) ? raw.bodies : []) {
      if (isObj(b) && b.body !== undefined && probe({ body: b.body }) && validRole(b.role)) parts.bodies.push(b);
      else dropped.push('invalid');
    }
    if (raw.singleBody === true) parts.singleBody = true;
    if (raw.bodyValue === true) parts.bodyValue = true;
  }
  if (raw.target !== undefined) {
    if (probe({ target: raw.target })) parts.target = raw.target;
    else dropped.push('invalid');
  }
  // Each part passes alone; together they must too (a last safeguard: the target goes first, then the bodies, then
  // the properties, until the whole passes).
  const own = ownAnnotation(record, lookup);
  for (const key of ['target', 'bodies', 'properties'] as const) {
    if (mustProblems(withForeign(own, { ...record, foreign: parts }, lookup)).length === 0) break;
    if (parts[key] === undefined) continue;
    delete parts[key];
    if (key === 'bodies') delete parts.singleBody;
    dropped.push('invalid');
  }
  return { foreign: Object.keys(parts).length > 0 ? parts : undefined, dropped };
}

function validRole(role: unknown): boolean {
  if (role === undefined) return true;
  if (!isObj(role)) return false;
  const keys = Object.keys(role);
  if (keys.length !== 1) return false;
  return (keys[0] === 'note' && role.note === true) || ((keys[0] === 'term' || keys[0] === 'echo') && typeof role[keys[0]] === 'string');
}

function noteOf(bodies: readonly ForeignBody[]): { text: string; first: number } {
  const parts: string[] = [];
  let first = -1;
  bodies.forEach((b, i) => {
    if (!b.role || !('note' in b.role) || !isObj(b.body) || typeof b.body.value !== 'string') return;
    if (first === -1) first = i;
    parts.push(b.body.value);
  });
  return { text: parts.join('\n\n'), first };
}

function mergedBodies(f: ForeignParts, a: AnnotationRecord, lookup: RenderLookup): { body?: Json; bodyValue?: string } {
  const bodies = f.bodies ?? [];
  const terms = new Set(a.terms);
  const written = new Set<string>();
  const note = noteOf(bodies);
  const noteKept = note.text === a.note;
  const out: Json[] = [];
  bodies.forEach((b, i) => {
    const role = b.role;
    if (!role) out.push(b.body);
    else if ('term' in role) {
      if (terms.has(role.term)) {
        out.push(b.body);
        written.add(role.term);
      }
    } else if ('echo' in role) {
      if (terms.has(role.echo)) out.push(b.body);
    } else if (noteKept) out.push(b.body);
    else if (i === note.first && a.note && isObj(b.body)) {
      const edited: JsonObject = { ...b.body, value: a.note };
      if (edited.format !== undefined) edited.format = 'text/plain';
      out.push(edited);
    }
  });
  for (const id of a.terms) if (!written.has(id)) out.push(...termBodies(id, lookup));
  const noteWritten = noteKept ? note.first !== -1 : note.first !== -1 && a.note !== '';
  if (a.note && !noteWritten) {
    // A note the file gave as bodyValue stays one while nothing else is said; otherwise (or a new note) it is a body.
    if (f.bodyValue && out.length === 0) return { bodyValue: a.note };
    out.push(f.bodyValue ? { type: 'TextualBody', value: a.note } : noteBody(a.note));
  }
  if (out.length === 0) return {};
  return { body: f.singleBody && out.length === 1 ? out[0] : out };
}

/** The kept target, with the position Pizhu learned by anchoring added next to the quote it was found by. */
function targetWithPosition(target: Json, position: AnnotationRecord['position']): Json {
  if (!position) return target;
  const copy = structuredClone(target);
  const quoted = quotedTarget(copy);
  if (!quoted) return target;
  const selectors = list(quoted.selector);
  const hasPosition = selectors.some((s) => isObj(s) && s.type === 'TextPositionSelector');
  if (!hasPosition) quoted.selector = [...selectors, positionSelector(position)];
  return copy;
}

/** The annotation as written: Pizhu's writing of the record (`own`) with the parts kept from its file put back. */
export function withForeign(own: JsonObject, a: AnnotationRecord, lookup: RenderLookup): JsonObject {
  const f = a.foreign;
  if (!f) return own;
  const out: JsonObject = { ...own };
  for (const key of f.omitted ?? []) delete out[key];
  for (const [key, value] of Object.entries(f.properties ?? {})) out[key] = value;
  if (f.bodies !== undefined || f.bodyValue) {
    delete out.body;
    const merged = mergedBodies(f, a, lookup);
    if (merged.body !== undefined) out.body = merged.body;
    if (merged.bodyValue !== undefined) out.bodyValue = merged.bodyValue;
  }
  if (f.target !== undefined) out.target = targetWithPosition(f.target, a.position);
  return out;
}

/** An edit in Pizhu gives the annotation a real modification date, even if its file had none. */
export function afterEdit<T extends Pick<AnnotationRecord, 'foreign'>>(record: T): T {
  const omitted = record.foreign?.omitted;
  if (!omitted?.includes('modified')) return record;
  const rest = omitted.filter((k) => k !== 'modified');
  const { omitted: _o, ...others } = record.foreign!;
  const foreign = rest.length ? { ...others, omitted: rest } : others;
  return { ...record, foreign: Object.keys(foreign).length ? foreign : undefined };
}
