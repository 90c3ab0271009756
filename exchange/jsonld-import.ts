// Import of W3C Web Annotations: Pizhu's own collections and what other conformant tools write. Never throws on
// bad input; every problem is reported with the place it was found, e.g. `items[12].target.selector: missing exact`.
//
// Pizhu reads what it uses (page, passage, terms, note, creator, dates) and keeps the rest (exchange/foreign.ts),
// so that an annotation from another tool is exported again as it came. The exceptions, each counted in
// ImportNotices so that the import preview can say so:
//  1. Inside Pizhu's collection an annotation carries no @context of its own unless it adds to the W3C one.
//  2. IRIs are written in URI form (characters outside ASCII percent-encoded): the test suite checks URIs.
//  3. A body or target that is a list of one IRI becomes that IRI; a Composite, List or Independents target becomes
//     the list of its items; a target that names only its source (a Hypothesis page note) becomes that source. The
//     suite's schemas fail these forms, though the model allows them.
//  4. Dates that are not RFC 3339 with a time zone but say one instant plainly are rewritten in that form (a date
//     alone is midnight UTC, a time without a zone is UTC); other dates refuse the file (exchange/dates.ts).
//  5. An annotation whose id is no usable IRI (none, not absolute, longer than MAX_IRI_LENGTH) gets a new one
//     (exchange/replacement-id.ts); an old id that is a URI is kept as `via`.
//  6. A part Pizhu does not use that fails the suite's MUST assertions is left out; so is everything kept of one
//     annotation beyond MAX_FOREIGN_CHARS (exchange/bounds.ts).
//  7. A TextPositionSelector learned by anchoring the quote on a visit is added next to the TextQuoteSelector.
//  8. An annotation without a creator gets the coder the user names in the import preview.
// An annotation without dates is listed at the time of import and exported without them, as it came. Pizhu's own
// exports from before positions could be unknown wrote "start": -1 for them: such a selector is read as no position
// and dropped.
import type { Agent, AnnotationRecord, BodyRole, Json, LocalizedText, PageRecord, Term } from '../model';
import { normalizeUrl } from '../anchoring/url';
import { MAX_AGENT_NAME_LENGTH, MAX_DOC_NUMBER_LENGTH, MAX_IRI_LENGTH } from './bounds';
import { readDateTime } from './dates';
import { keepForeign, quotedTarget } from './foreign';
import { toUri, usableIri } from './iri';
import { findJsonSyntaxProblem } from './json-syntax';
import { MAX_IMPORT_BYTES, tagIri } from './jsonld-vocab';
import { replacementId } from './replacement-id';
import type { JsonObject, RenderLookup } from './w3c-render';

/** A term as the file describes it: always an IRI and labels, the rest when the file comes from Pizhu. */
export type ImportedTerm = Pick<Term, 'id' | 'label'> & Partial<Omit<Term, 'id' | 'label'>>;

/** What the import changed on its way in, by number of annotations, for the preview to say. */
export interface ImportNotices {
  /** Ids that were no usable IRI, replaced. */
  newIds: number;
  /** Of those, old ids kept as `via`. */
  viaKept: number;
  /** Annotations with a date rewritten in RFC 3339 form. */
  datesNormalised: number;
  /** Annotations with IRIs rewritten in URI form. */
  irisNormalised: number;
  /** Annotations with a list target (Composite, List, Independents) or a list of one IRI rewritten. */
  listsFlattened: number;
  /** Annotations with parts that fail the W3C rules, left out. */
  partsInvalid: number;
  /** Annotations whose kept parts were larger than the bound, left out. */
  partsTooLarge: number;
}

export const NO_NOTICES: ImportNotices = {
  newIds: 0,
  viaKept: 0,
  datesNormalised: 0,
  irisNormalised: 0,
  listsFlattened: 0,
  partsInvalid: 0,
  partsTooLarge: 0,
};

export type ParseResult =
  | {
      ok: true;
      annotations: AnnotationRecord[];
      pages: Partial<PageRecord>[];
      importedTerms: ImportedTerm[];
      /** Things skipped without harm (bodies of kinds Pizhu does not keep, extra targets…). */
      warnings: string[];
      notices: ImportNotices;
    }
  | { ok: false; errors: string[] };

export interface ImportOptions {
  /** Default 50 MB. */
  maxBytes?: number;
  /** Stands in for a missing created/modified date; the time of import by default. */
  now?: string;
}

const MAX_REPORTED = 50;
/** Deeper than this, an annotation is refused before anything walks it (a file can nest 100,000 levels). */
const MAX_DEPTH = 64;
const TERM_PURPOSES = new Set(['classifying', 'tagging', 'identifying']);
const LIST_TYPES = new Set(['Composite', 'List', 'Independents']);

type Obj = JsonObject;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): Json[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as Json[];
}

function types(v: Obj): string[] {
  return list(v.type).filter((t): t is string => typeof t === 'string');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

function jsonErrorMessage(text: string): string {
  let problem: ReturnType<typeof findJsonSyntaxProblem>;
  try {
    problem = findJsonSyntaxProblem(text);
  } catch {
    // Nesting deep enough to exhaust the stack: nothing more precise to say.
  }
  if (!problem) return 'not valid JSON';
  if (problem.position >= text.length) {
    return `not valid JSON: the file ends (after ${text.length} characters) before its data is closed — it looks truncated`;
  }
  const found = JSON.stringify(text.slice(problem.position, problem.position + 12));
  return `not valid JSON at ${lineAndColumn(text, problem.position)}: expected ${problem.expected}, found ${found}`;
}

/** Parses the text of an import file; byteSize is the file's size, checked before anything is parsed. */
export function parseW3CText(text: string, byteSize: number, options: ImportOptions = {}): ParseResult {
  const limit = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (byteSize > limit) {
    return { ok: false, errors: [`the file is ${megabytes(byteSize)}; Pizhu imports files of up to ${megabytes(limit)}`] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: ['the file is empty'] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, errors: [jsonErrorMessage(body)] };
  }
  return fromW3C(json, options);
}

class Problems {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly notices: ImportNotices = { ...NO_NOTICES };
  private errorCount = 0;

  error(path: string, message: string): undefined {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED) this.errors.push(`${path}: ${message}`);
    return undefined;
  }

  warn(path: string, message: string): void {
    if (this.warnings.length < MAX_REPORTED) this.warnings.push(`${path}: ${message}`);
  }

  get failed(): boolean {
    return this.errorCount > 0;
  }

  summary(): string[] {
    const more = this.errorCount - this.errors.length;
    return more > 0 ? [...this.errors, `… and ${more} more problems`] : this.errors;
  }
}

interface Located {
  value: unknown;
  path: string;
}

/** Where the annotations are in the document, or why they cannot be found. */
function locateItems(json: unknown, problems: Problems): Located[] {
  if (Array.isArray(json)) return json.map((value, i) => ({ value, path: `[${i}]` }));
  if (!isObj(json)) {
    problems.error('file', `expected an Annotation, an array of Annotations or an AnnotationCollection, found ${describe(json)}`);
    return [];
  }
  const t = types(json);
  if (t.includes('Annotation')) return [{ value: json, path: 'annotation' }];
  if (t.includes('AnnotationPage')) return list(json.items).map((value, i) => ({ value, path: `items[${i}]` }));
  if (!t.includes('AnnotationCollection')) {
    problems.error('type', `expected "Annotation" or "AnnotationCollection", found ${describe(json.type)}`);
    return [];
  }
  if (Array.isArray(json.items)) return json.items.map((value, i) => ({ value, path: `items[${i}]` }));
  if (json.total === 0 && json.first === undefined) return [];
  if (typeof json.first === 'string') {
    problems.error('first', `the annotations are not in the file, only a link to them (${json.first})`);
    return [];
  }
  if (!isObj(json.first)) {
    problems.error('first', `expected an AnnotationPage with items, found ${describe(json.first)}`);
    return [];
  }
  const out: Located[] = [];
  for (let page: unknown = json.first; isObj(page); page = page.next) {
    if (!Array.isArray(page.items)) {
      problems.error(out.length === 0 ? 'first.items' : `items after [${out.length - 1}]`, `expected an array, found ${describe(page.items)}`);
      break;
    }
    for (const value of page.items) out.push({ value, path: `items[${out.length}]` });
  }
  if (typeof json.total === 'number' && json.total !== out.length) {
    problems.warn('total', `the collection says ${json.total} annotations but holds ${out.length}`);
  }
  return out;
}

function localized(v: unknown): LocalizedText | undefined {
  if (typeof v === 'string') return { zh: v, en: v };
  if (isObj(v) && (typeof v.zh === 'string' || typeof v.en === 'string')) {
    const zh = typeof v.zh === 'string' ? v.zh : '';
    const en = typeof v.en === 'string' ? v.en : '';
    return { zh: zh || en, en: en || zh };
  }
  if (Array.isArray(v)) {
    const first = v.find((x) => typeof x === 'string');
    return typeof first === 'string' ? { zh: first, en: first } : undefined;
  }
  return undefined;
}

/** Terms described by the file: its `concepts` (Pizhu) and labels given with term sources. */
class TermTable {
  private readonly terms = new Map<string, ImportedTerm>();
  /** Labels the file gives, as they are (for telling a text tag that repeats its concept's label). */
  private readonly given = new Map<string, LocalizedText>();

  /** A Pizhu concept description, kept whole; its labels are taken as they are (either may be ''). */
  addConcept(c: Obj, path: string, problems: Problems): void {
    if (typeof c.id !== 'string' || c.id === '') return void problems.error(`${path}.id`, 'missing');
    const id = repeatedIri(c.id);
    if (id === undefined) return void problems.error(`${path}.id`, `expected an IRI of at most ${MAX_IRI_LENGTH} characters, found ${describe(c.id)}`);
    const label = isObj(c.prefLabel) ? c.prefLabel : {};
    const term: ImportedTerm = {
      id,
      label: { zh: typeof label.zh === 'string' ? label.zh : '', en: typeof label.en === 'string' ? label.en : '' },
    };
    if (!term.label.zh && !term.label.en) term.label = localized(c.label) ?? { zh: id, en: id };
    if (typeof c.notation === 'string') term.notation = c.notation;
    if (typeof c.inScheme === 'string') term.scheme = c.inScheme;
    if (typeof c.taxonomy === 'string') term.taxonomyId = c.taxonomy;
    if (typeof c.color === 'string') term.color = c.color;
    if (typeof c.order === 'number') term.order = c.order;
    if (typeof c.broader === 'string') term.parent = c.broader;
    if (isObj(c.scopeNote)) {
      const n = c.scopeNote;
      term.scopeNote = { zh: typeof n.zh === 'string' ? n.zh : '', en: typeof n.en === 'string' ? n.en : '' };
    }
    if (typeof c.shortcut === 'string') term.shortcut = c.shortcut;
    if (typeof c.retired === 'boolean') term.retired = c.retired;
    if (!this.terms.has(term.id)) {
      this.terms.set(term.id, term);
      this.given.set(term.id, term.label);
    }
  }

  /** A term met in a body; the first description of an IRI wins. */
  note(id: string, label: LocalizedText | undefined): void {
    if (this.terms.has(id)) return;
    this.terms.set(id, { id, label: label ?? { zh: id, en: id } });
    if (label) this.given.set(id, label);
  }

  /** The labels the file gives the term, if any. */
  labels(id: string): LocalizedText | undefined {
    return this.given.get(id);
  }

  all(): ImportedTerm[] {
    return [...this.terms.values()];
  }
}

function readPages(json: unknown, problems: Problems): Map<string, Partial<PageRecord>> {
  const pages = new Map<string, Partial<PageRecord>>();
  if (!isObj(json) || json.pages === undefined) return pages;
  list(json.pages).forEach((p, i) => {
    const path = `pages[${i}]`;
    if (!isObj(p) || typeof p.id !== 'string') return void problems.error(path, 'expected a page with an id');
    const url = usableIri(p.id);
    if (url === undefined) return void problems.error(`${path}.id`, `expected an IRI of at most ${MAX_IRI_LENGTH} characters, found ${describe(p.id)}`);
    const page: Partial<PageRecord> = { url };
    if (typeof p.title === 'string') page.title = p.title;
    if (p.pageKind === 'report' || p.pageKind === 'document' || p.pageKind === 'none') page.kind = p.pageKind;
    if (typeof p.docNumber === 'string') {
      if (p.docNumber.length <= MAX_DOC_NUMBER_LENGTH) page.docNumber = p.docNumber;
      else problems.warn(`${path}.docNumber`, `longer than ${MAX_DOC_NUMBER_LENGTH} characters; not kept`);
    }
    if (typeof p.issuer === 'string') page.issuer = p.issuer;
    if (typeof p.published === 'string') page.published = p.published;
    pages.set(url, page);
  });
  return pages;
}

/** A person as a file names them (an IRI, an Agent object, or a list of them: the first is read). */
function agent(v: unknown): Agent | undefined {
  const c = list(v)[0];
  if (typeof c === 'string') {
    const id = repeatedIri(c);
    return id ? { id, name: '' } : undefined;
  }
  if (!isObj(c)) return undefined;
  const id = usableIri(c.id);
  const named = [c.name, c.nickname].map((n) => list(n)[0]).find((n): n is string => typeof n === 'string' && n.trim() !== '');
  const name = named && named.length <= MAX_AGENT_NAME_LENGTH ? named.trim() : '';
  if (!id && !name) return undefined;
  return id ? { id, name } : { name };
}

class TooDeep extends Error {}

/**
 * `fn` remembering its last few thousand answers: a file names the same pages, terms, tags and people in annotation
 * after annotation, and each check of an IRI runs several regular expressions.
 */
function remembered<T>(fn: (key: string) => T, max = 20_000): (key: unknown) => T | undefined {
  const known = new Map<string, T>();
  return (key) => {
    if (typeof key !== 'string') return undefined;
    if (known.has(key)) return known.get(key);
    const value = fn(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}

/** usableIri for IRIs that repeat (pages, terms, people); annotation ids are unique and go to usableIri itself. */
const repeatedIri = remembered((iri) => usableIri(iri));
const tagIriOf = remembered(tagIri);

/**
 * Rewrites what the W3C suite's schemas fail but the model means plainly (items 2 and 3 of the list above), and
 * drops Pizhu's old "start": -1 selectors. Copy on write: what needs no change is the file's own object, so that
 * Pizhu's own exports (nothing to change) cost a walk, not a copy. The walk stops past MAX_DEPTH.
 */
class Normaliser {
  iris = false;
  lists = false;
  /** URI forms already worked out: a file names the same pages and terms over and over. */
  private readonly uris = new Map<string, string>();

  /** The annotation normalised; `iris` and `lists` say what was rewritten in it. */
  annotation(value: Obj): Obj {
    this.iris = false;
    this.lists = false;
    // The id is read by usableIri (which also gives its URI form): unique to each annotation, not worth caching.
    return this.object(value, 0, (key, v, depth) =>
      key === 'target' ? this.resources(this.targets(v), depth) : key === 'body' ? this.resources(v, depth) : key === 'id' ? v : this.iriForms(key, v, depth),
    );
  }

  /** The object with each value mapped; itself when nothing changed. "__proto__" keys are left out. */
  private object(v: Obj, depth: number, map: (key: string, x: Json, depth: number) => Json): Obj {
    if (depth > MAX_DEPTH) throw new TooDeep();
    let out: Obj | undefined;
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      const x = v[key];
      const mapped = key === '__proto__' ? undefined : map(key, x, depth + 1);
      if (mapped === x && out === undefined) continue;
      // A "__proto__" key (JSON.parse makes it an own property) would set the copy's prototype if assigned.
      out ??= copyUpTo(v, key);
      if (mapped !== undefined) out[key] = mapped;
    }
    return out ?? v;
  }

  private array(v: Json[], depth: number, map: (x: Json) => Json): Json[] {
    if (depth > MAX_DEPTH) throw new TooDeep();
    let out: Json[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const mapped = map(v[i]);
      if (mapped === v[i] && out === undefined) continue;
      out ??= v.slice(0, i);
      out.push(mapped);
    }
    return out ?? v;
  }

  /**
   * A Composite, List or Independents target: the targets it groups. A target that is only `{ "source": … }` (a
   * page note as Hypothesis writes it): that source, which is what such a target means. A selector list loses
   * "start": -1 positions.
   */
  private targets(target: Json): Json {
    const out: Json[] = [];
    let changed = false;
    for (const t of list(target)) {
      if (isObj(t) && types(t).some((x) => LIST_TYPES.has(x)) && Array.isArray(t.items) && t.items.length > 0 && t.source === undefined) {
        this.lists = changed = true;
        out.push(...t.items);
      } else if (isObj(t) && t.source !== undefined && Object.keys(t).every((k) => k === 'source' || k === 'type')) {
        this.lists = changed = true;
        out.push(t.source);
      } else if (isObj(t) && Array.isArray(t.selector) && t.selector.some(isUnknownPosition)) {
        changed = true;
        out.push({ ...t, selector: t.selector.filter((x) => !isUnknownPosition(x)) });
      } else out.push(t);
    }
    if (!changed) return target;
    return Array.isArray(target) || out.length !== 1 ? out : out[0];
  }

  /** A body or target: a list of one IRI becomes the IRI; IRIs in URI form. */
  private resources(v: Json, depth: number): Json {
    if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') {
      this.lists = true;
      v = v[0];
    }
    return Array.isArray(v) ? this.array(v, depth, (x) => this.resource(x, depth + 1)) : this.resource(v, depth);
  }

  private resource(v: Json, depth: number): Json {
    if (typeof v === 'string') return this.uri(v);
    return isObj(v) ? this.object(v, depth, (key, x, d) => this.iriForms(key, x, d)) : v;
  }

  /** Values of the model's IRI-valued properties, in URI form, at any depth. */
  private iriForms(key: string, v: Json, depth: number): Json {
    if (IRI_KEYS.has(key)) {
      if (typeof v === 'string') return this.uri(v);
      if (Array.isArray(v)) return this.array(v, depth, (x) => (typeof x === 'string' ? this.uri(x) : this.iriForms('', x, depth + 1)));
    }
    if (RESOURCE_KEYS.has(key)) return Array.isArray(v) ? this.array(v, depth, (x) => this.resource(x, depth + 1)) : this.resource(v, depth);
    if (Array.isArray(v)) return this.array(v, depth, (x) => this.iriForms('', x, depth + 1));
    if (isObj(v)) return this.resource(v, depth);
    return v;
  }

  private uri(s: string): string {
    let uri = this.uris.get(s);
    if (uri === undefined) {
      uri = toUri(s) ?? s;
      if (this.uris.size < 50_000) this.uris.set(s, uri);
    }
    if (uri !== s) this.iris = true;
    return uri;
  }
}

/** A copy of `v` with its properties before `stop`, in order (the rest is added by the caller). */
function copyUpTo(v: Obj, stop: string): Obj {
  const out: Obj = {};
  for (const key in v) {
    if (key === stop) break;
    if (Object.prototype.hasOwnProperty.call(v, key) && key !== '__proto__') out[key] = v[key];
  }
  return out;
}

const IRI_KEYS = new Set(['id', 'rights', 'via', 'canonical', 'scope', 'cached', 'conformsTo', 'homepage', 'email']);
/** Properties whose values are resources: IRIs, or objects with IRIs of their own. */
const RESOURCE_KEYS = new Set(['source', 'items', 'renderedVia', 'selector', 'state', 'refinedBy', 'startSelector', 'endSelector', 'creator', 'generator', 'audience', 'stylesheet']);

interface Anchor {
  pageUrl: string;
  sourceUrl: string;
  title?: string;
  quote?: AnnotationRecord['quote'];
  position?: AnnotationRecord['position'];
}

/** Pizhu's exports before positions could be unknown wrote this for "no position". */
function isUnknownPosition(s: Json): boolean {
  return isObj(s) && s.type === 'TextPositionSelector' && s.start === -1 && s.end === -1;
}

function position(s: Obj, path: string, problems: Problems): AnnotationRecord['position'] {
  const { start, end } = s;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (!ok(start)) return problems.error(`${path}.start`, `expected a whole number ≥ 0, found ${describe(start)}`);
  if (!ok(end)) return problems.error(`${path}.end`, `expected a whole number ≥ 0, found ${describe(end)}`);
  if (end < start) return problems.error(path, `end (${end}) is before start (${start})`);
  return { start, end };
}

function quote(s: Obj, path: string, problems: Problems): AnnotationRecord['quote'] | undefined {
  if (typeof s.exact !== 'string') {
    return problems.error(path, s.exact === undefined ? 'missing exact' : `exact: expected text, found ${describe(s.exact)}`);
  }
  for (const key of ['prefix', 'suffix'] as const) {
    if (s[key] !== undefined && typeof s[key] !== 'string') return problems.error(`${path}.${key}`, `expected text, found ${describe(s[key])}`);
  }
  return { exact: s.exact, prefix: (s.prefix as string | undefined) ?? '', suffix: (s.suffix as string | undefined) ?? '' };
}

/** The IRI of what a target is about: the page. */
function pageIri(t: Json): { iri?: string; title?: string; canonical?: string } {
  if (typeof t === 'string') return { iri: t };
  if (!isObj(t)) return {};
  const src = t.source;
  if (typeof src === 'string') return { iri: src };
  if (isObj(src) && typeof src.id === 'string') {
    return {
      iri: src.id,
      title: typeof src.title === 'string' ? src.title : undefined,
      canonical: typeof src.canonical === 'string' ? src.canonical : undefined,
    };
  }
  if (typeof t.id === 'string' && src === undefined) return { iri: t.id, title: typeof t.title === 'string' ? t.title : undefined };
  if (Array.isArray(t.items)) for (const item of t.items) if (pageIri(item).iri) return pageIri(item);
  return {};
}

/** Reads page and passage from the (normalised) target. */
function anchor(a: Obj, path: string, problems: Problems, pageKeys: Map<string, string>): Anchor | undefined {
  if (a.target === undefined) return problems.error(path, 'missing target');
  const targets = list(a.target);
  const quoted = quotedTarget(a.target);
  const index = quoted ? targets.indexOf(quoted) : targets.findIndex((t) => pageIri(t).iri !== undefined);
  if (index === -1) return problems.error(`${path}.target`, 'no page: expected a target with the IRI of what it annotates');
  const tPath = Array.isArray(a.target) ? `${path}.target[${index}]` : `${path}.target`;
  const page = pageIri(targets[index]);
  const sourceUrl = repeatedIri(page.iri);
  if (sourceUrl === undefined) return problems.error(`${tPath}.source`, `expected the page’s IRI (at most ${MAX_IRI_LENGTH} characters), found ${describe(page.iri)}`);
  const canonical = page.canonical === undefined ? undefined : repeatedIri(page.canonical);
  let key = canonical ?? pageKeys.get(sourceUrl);
  if (key === undefined) pageKeys.set(sourceUrl, (key = normalizeUrl(sourceUrl)));
  const out: Anchor = { pageUrl: key, sourceUrl, title: page.title };
  if (out.pageUrl.length > MAX_IRI_LENGTH) return problems.error(`${tPath}.source`, `the page’s IRI is longer than ${MAX_IRI_LENGTH} characters`);
  if (!quoted) return out;
  const selectors = list(quoted.selector);
  const sPath = (i: number) => (Array.isArray(quoted.selector) ? `${tPath}.selector[${i}]` : `${tPath}.selector`);
  const qi = selectors.findIndex((s) => isObj(s) && types(s).includes('TextQuoteSelector'));
  out.quote = quote(selectors[qi] as Obj, sPath(qi), problems);
  if (!out.quote) return undefined;
  const pi = selectors.findIndex((s) => isObj(s) && types(s).includes('TextPositionSelector'));
  if (pi !== -1) {
    const p = position(selectors[pi] as Obj, sPath(pi), problems);
    if (!p) return undefined;
    out.position = p;
  }
  return out;
}

function purposes(b: Obj): string[] {
  return list(b.purpose).filter((p): p is string => typeof p === 'string');
}

interface BodyReading {
  terms: string[];
  note: string;
  roles: (BodyRole | undefined)[];
  bodyValue: boolean;
}

type Slot = { kind: 'term'; id: string } | { kind: 'tag'; label: string } | { kind: 'note'; text: string } | undefined;

function termIri(v: unknown, path: string, problems: Problems): string | undefined {
  const id = repeatedIri(v);
  if (id === undefined) problems.error(path, `expected the IRI of a term (at most ${MAX_IRI_LENGTH} characters), found ${describe(v)}`);
  return id;
}

function readBodies(a: Obj, path: string, table: TermTable, problems: Problems): BodyReading | undefined {
  const motivations = list(a.motivation).filter((m): m is string => typeof m === 'string');
  const linksAreTerms = motivations.some((m) => TERM_PURPOSES.has(m));
  const notes: string[] = [];
  let ok = true;
  const fail = (at: string, message: string) => {
    problems.error(at, message);
    ok = false;
  };
  const bodyValue = typeof a.bodyValue === 'string';
  if (typeof a.bodyValue === 'string') notes.push(a.bodyValue);
  const slots: Slot[] = list(a.body).map((b, i): Slot => {
    const bPath = Array.isArray(a.body) ? `${path}.body[${i}]` : `${path}.body`;
    if (typeof b === 'string') {
      if (!linksAreTerms) return void problems.warn(bPath, 'a linked resource that is not a tag; kept as it is');
      const id = termIri(b, bPath, problems);
      if (!id) return void (ok = false);
      table.note(id, undefined);
      return { kind: 'term', id };
    }
    if (!isObj(b)) return void fail(bPath, `expected an object or an IRI, found ${describe(b)}`);
    const p = purposes(b);
    if (b.source !== undefined) {
      const src = b.source;
      const raw = typeof src === 'string' ? src : isObj(src) ? src.id : undefined;
      if (raw === undefined) return void fail(`${bPath}.source`, 'missing the term IRI');
      if (!(p.some((x) => TERM_PURPOSES.has(x)) || (p.length === 0 && linksAreTerms))) {
        return void problems.warn(bPath, `a SpecificResource with purpose ${p.join(', ') || 'none'}; kept as it is`);
      }
      const id = termIri(raw, `${bPath}.source`, problems);
      if (!id) return void (ok = false);
      table.note(id, isObj(src) ? localized(src.prefLabel) ?? localized(src.label) : undefined);
      return { kind: 'term', id };
    }
    if (b.value !== undefined) {
      if (typeof b.value !== 'string') return void fail(`${bPath}.value`, `expected text, found ${describe(b.value)}`);
      if (p.includes('tagging') || p.includes('classifying')) {
        const label = b.value.trim();
        if (!label) return undefined;
        if (tagIriOf(label)!.length > MAX_IRI_LENGTH) return void fail(`${bPath}.value`, `a tag too long to be a term (${label.length} characters)`);
        return { kind: 'tag', label };
      }
      notes.push(b.value);
      return { kind: 'note', text: b.value };
    }
    if (typeof b.id === 'string' && linksAreTerms && !types(b).includes('Choice')) {
      const id = termIri(b.id, `${bPath}.id`, problems);
      if (!id) return void (ok = false);
      table.note(id, localized(b.label));
      return { kind: 'term', id };
    }
    problems.warn(bPath, `a body of type ${types(b).join(', ') || 'unknown'}; kept as it is`);
    return undefined;
  });
  if (!ok) return undefined;
  // A text tag next to a concept with the same label shows that concept (Pizhu writes one after each term).
  const conceptOf = new Map<string, string>();
  for (const s of slots) {
    if (s?.kind !== 'term') continue;
    const l = table.labels(s.id);
    for (const text of [l?.zh, l?.en]) if (text && !conceptOf.has(text)) conceptOf.set(text, s.id);
  }
  const terms: string[] = [];
  const roles = slots.map((s): BodyRole | undefined => {
    if (!s) return undefined;
    if (s.kind === 'note') return { note: true };
    if (s.kind === 'term') {
      terms.push(s.id);
      return { term: s.id };
    }
    const concept = conceptOf.get(s.label);
    if (concept) return { echo: concept };
    const id = tagIriOf(s.label)!;
    table.note(id, { zh: s.label, en: s.label });
    terms.push(id);
    return { term: id };
  });
  return { terms: [...new Set(terms)], note: notes.join('\n\n'), roles, bodyValue };
}

interface Read {
  record: AnnotationRecord;
  title?: string;
}

function dates(a: Obj, path: string, problems: Problems): { created?: string; modified?: string; normalised: boolean } | undefined {
  const out: { created?: string; modified?: string; normalised: boolean } = { normalised: false };
  for (const key of ['created', 'modified'] as const) {
    const v = a[key];
    if (v === undefined) continue;
    const read = typeof v === 'string' ? readDateTime(v) : undefined;
    if (!read) return problems.error(`${path}.${key}`, `expected an ISO 8601 date-time, found ${describe(v)}`);
    out[key] = read.value;
    out.normalised ||= read.normalised;
  }
  return out;
}

/** What reading one file's annotations shares: the work on names they repeat. */
interface Reader {
  table: TermTable;
  normaliser: Normaliser;
  /** Page keys by source URL (normalizeUrl parses a URL each time). */
  pageKeys: Map<string, string>;
  now: string;
  problems: Problems;
}

function readAnnotation(item: Located, reader: Reader): Read | undefined {
  const { table, normaliser, now, problems } = reader;
  const { value, path } = item;
  if (!isObj(value)) return problems.error(path, `expected an Annotation object, found ${describe(value)}`);
  if (!types(value).includes('Annotation')) return problems.error(`${path}.type`, `expected "Annotation", found ${describe(value.type)}`);
  let input: Obj;
  try {
    input = normaliser.annotation(value);
  } catch (e) {
    if (e instanceof TooDeep) return problems.error(path, `nested more than ${MAX_DEPTH} levels deep`);
    throw e;
  }
  const when = dates(input, path, problems);
  const where = anchor(input, path, problems, reader.pageKeys);
  const bodies = readBodies(input, path, table, problems);
  if (!when || !where || !bodies) return undefined;

  const notices = problems.notices;
  let id = usableIri(value.id);
  if (id === undefined) {
    // Made from the annotation as the file has it: the same file gives the same ids again.
    id = replacementId(JSON.stringify(value));
    notices.newIds++;
    const old = typeof value.id === 'string' ? toUri(value.id) : undefined;
    if (old !== undefined) {
      input = { ...input, via: input.via === undefined ? old : [...list(input.via), old] };
      notices.viaKept++;
    }
    problems.warn(`${path}.id`, `not a usable IRI (${describe(value.id)}); the annotation was given the id ${id}`);
  }
  const record: AnnotationRecord = {
    id,
    pageUrl: where.pageUrl,
    sourceUrl: where.sourceUrl,
    terms: bodies.terms,
    note: bodies.note,
    created: when.created ?? when.modified ?? now,
    modified: when.modified ?? when.created ?? now,
  };
  if (where.quote) record.quote = where.quote;
  if (where.position) record.position = where.position;
  const who = agent(input.creator);
  if (who) record.creator = who;

  const lookup: RenderLookup = { termLabel: (t) => table.labels(t), pageTitle: () => where.title };
  const kept = keepForeign(input, record, bodies, lookup);
  if (kept.foreign) record.foreign = kept.foreign;
  if (kept.dropped.includes('invalid')) notices.partsInvalid++;
  if (kept.dropped.includes('size')) notices.partsTooLarge++;
  if (when.normalised) notices.datesNormalised++;
  if (normaliser.iris || (id !== value.id && typeof value.id === 'string' && toUri(value.id) === id)) notices.irisNormalised++;
  if (normaliser.lists) notices.listsFlattened++;
  return { record, title: where.title };
}

/**
 * Reads a parsed JSON document: an Annotation, an array of them, an AnnotationPage or an AnnotationCollection
 * (with `first.items`, following embedded `next` pages, or with `items`). Plain text tags become terms with
 * IRIs made from their labels (see tagIri).
 */
export function fromW3C(json: unknown, options: ImportOptions = {}): ParseResult {
  const problems = new Problems();
  const now = options.now ?? new Date().toISOString();
  const items = locateItems(json, problems);
  const table = new TermTable();
  if (isObj(json)) {
    list(json.concepts).forEach((c, i) => {
      if (isObj(c)) table.addConcept(c, `concepts[${i}]`, problems);
      else problems.error(`concepts[${i}]`, `expected an object, found ${describe(c)}`);
    });
  }
  const pages = readPages(json, problems);
  const annotations = new Map<string, AnnotationRecord>();
  const reader: Reader = { table, normaliser: new Normaliser(), pageKeys: new Map(), now, problems };
  for (const item of items) {
    const read = readAnnotation(item, reader);
    if (!read) continue;
    const { record, title } = read;
    if (annotations.has(record.id)) problems.warn(item.path, `a second annotation with id ${record.id}; this later one is kept`);
    annotations.set(record.id, record);
    if (!pages.has(record.pageUrl)) pages.set(record.pageUrl, title === undefined ? { url: record.pageUrl } : { url: record.pageUrl, title });
  }
  if (problems.failed) return { ok: false, errors: problems.summary() };
  return {
    ok: true,
    annotations: [...annotations.values()],
    pages: [...pages.values()],
    importedTerms: table.all(),
    warnings: problems.warnings,
    notices: problems.notices,
  };
}
