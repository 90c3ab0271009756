// Import of W3C Web Annotations: Pizhu's own collections and what other conformant tools write. Never throws on
// bad input; every problem is reported with the place it was found, e.g. `items[12].target.selector: missing exact`.
import type { Agent, AnnotationRecord, LocalizedText, PageRecord, Term } from '../model';
import { findJsonSyntaxProblem } from './json-syntax';
import { MAX_IMPORT_BYTES, tagIri } from './jsonld-vocab';

/** A term as the file describes it: always an IRI and labels, the rest when the file comes from Pizhu. */
export type ImportedTerm = Pick<Term, 'id' | 'label'> & Partial<Omit<Term, 'id' | 'label'>>;

export type ParseResult =
  | {
      ok: true;
      annotations: AnnotationRecord[];
      pages: Partial<PageRecord>[];
      importedTerms: ImportedTerm[];
      /** Things skipped without harm (bodies of kinds Pizhu does not keep, extra targets…). */
      warnings: string[];
    }
  | { ok: false; errors: string[] };

export interface ImportOptions {
  /** Default 50 MB. */
  maxBytes?: number;
  /** Stands in for a missing created/modified date; the time of import by default. */
  now?: string;
}

/** Position start and end when the file gives no TextPositionSelector: anchoring must then go by the quote. */
export const UNKNOWN_POSITION = -1;

const MAX_REPORTED = 50;
const TERM_PURPOSES = new Set(['classifying', 'tagging', 'identifying']);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
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
  private errorCount = 0;

  error(path: string, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED) this.errors.push(`${path}: ${message}`);
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

  /** A Pizhu concept description, kept whole; its labels are taken as they are (either may be ''). */
  addConcept(c: Obj, path: string, problems: Problems): void {
    if (typeof c.id !== 'string' || c.id === '') return problems.error(`${path}.id`, 'missing');
    const label = isObj(c.prefLabel) ? c.prefLabel : {};
    const term: ImportedTerm = {
      id: c.id,
      label: { zh: typeof label.zh === 'string' ? label.zh : '', en: typeof label.en === 'string' ? label.en : '' },
    };
    if (!term.label.zh && !term.label.en) term.label = localized(c.label) ?? { zh: c.id, en: c.id };
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
    if (!this.terms.has(term.id)) this.terms.set(term.id, term);
  }

  /** A term met in a body; the first description of an IRI wins. */
  note(id: string, label: LocalizedText | undefined): void {
    if (!this.terms.has(id)) this.terms.set(id, { id, label: label ?? { zh: id, en: id } });
  }

  labels(id: string): LocalizedText | undefined {
    return this.terms.get(id)?.label;
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
    if (!isObj(p) || typeof p.id !== 'string') return problems.error(path, 'expected a page with an id');
    const page: Partial<PageRecord> = { url: p.id };
    if (typeof p.title === 'string') page.title = p.title;
    if (p.pageKind === 'report' || p.pageKind === 'document' || p.pageKind === 'none') page.kind = p.pageKind;
    if (typeof p.docNumber === 'string') page.docNumber = p.docNumber;
    if (typeof p.issuer === 'string') page.issuer = p.issuer;
    if (typeof p.published === 'string') page.published = p.published;
    pages.set(p.id, page);
  });
  return pages;
}

function dateTime(a: Obj, key: 'created' | 'modified', path: string, problems: Problems): string | undefined {
  const v = a[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
    problems.error(`${path}.${key}`, `expected an ISO 8601 date-time, found ${describe(v)}`);
    return undefined;
  }
  return v;
}

function creator(v: unknown): Agent | undefined {
  const c = list(v)[0];
  if (typeof c === 'string') return { id: c, name: c };
  if (!isObj(c)) return undefined;
  const id = typeof c.id === 'string' ? c.id : undefined;
  const name = [c.name, c.nickname, id].find((x): x is string => typeof x === 'string');
  if (name === undefined) return undefined;
  return id ? { id, name } : { name };
}

interface Anchor {
  pageUrl: string;
  sourceUrl: string;
  title?: string;
  quote: AnnotationRecord['quote'];
  position: AnnotationRecord['position'];
}

function position(s: Obj, path: string, problems: Problems): AnnotationRecord['position'] | undefined {
  const { start, end } = s;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!ok(start)) return problems.error(`${path}.start`, `expected a whole number ≥ 0, found ${describe(start)}`), undefined;
  if (!ok(end)) return problems.error(`${path}.end`, `expected a whole number ≥ 0, found ${describe(end)}`), undefined;
  if (end < start) return problems.error(path, `end (${end}) is before start (${start})`), undefined;
  return { start, end };
}

function quote(s: Obj, path: string, problems: Problems): AnnotationRecord['quote'] | undefined {
  if (typeof s.exact !== 'string') {
    problems.error(path, s.exact === undefined ? 'missing exact' : `exact: expected text, found ${describe(s.exact)}`);
    return undefined;
  }
  for (const key of ['prefix', 'suffix'] as const) {
    if (s[key] !== undefined && typeof s[key] !== 'string') {
      problems.error(`${path}.${key}`, `expected text, found ${describe(s[key])}`);
      return undefined;
    }
  }
  return { exact: s.exact, prefix: (s.prefix as string | undefined) ?? '', suffix: (s.suffix as string | undefined) ?? '' };
}

function anchor(a: Obj, path: string, problems: Problems): Anchor | undefined {
  if (a.target === undefined) return problems.error(path, 'missing target'), undefined;
  const targets = list(a.target);
  const index = targets.findIndex((t) => isObj(t) && t.selector !== undefined);
  if (index === -1) {
    problems.error(`${path}.target`, 'no selector: Pizhu needs the quoted text (a TextQuoteSelector) to place an annotation');
    return undefined;
  }
  if (targets.length > 1) problems.warn(`${path}.target`, `${targets.length} targets; only the one with a selector is kept`);
  const tPath = Array.isArray(a.target) ? `${path}.target[${index}]` : `${path}.target`;
  const target = targets[index] as Obj;
  const src = target.source;
  const sourceUrl = typeof src === 'string' ? src : isObj(src) && typeof src.id === 'string' ? src.id : undefined;
  if (sourceUrl === undefined) return problems.error(`${tPath}.source`, 'missing the page IRI'), undefined;
  const srcObj = isObj(src) ? src : {};
  const selectors = list(target.selector);
  const sPath = (i: number) => (Array.isArray(target.selector) ? `${tPath}.selector[${i}]` : `${tPath}.selector`);
  const qi = selectors.findIndex((s) => isObj(s) && types(s).includes('TextQuoteSelector'));
  if (qi === -1) return problems.error(`${tPath}.selector`, 'no TextQuoteSelector'), undefined;
  const q = quote(selectors[qi] as Obj, sPath(qi), problems);
  const pi = selectors.findIndex((s) => isObj(s) && types(s).includes('TextPositionSelector'));
  const p = pi === -1 ? { start: UNKNOWN_POSITION, end: UNKNOWN_POSITION } : position(selectors[pi] as Obj, sPath(pi), problems);
  if (!q || !p) return undefined;
  return {
    pageUrl: typeof srcObj.canonical === 'string' ? srcObj.canonical : sourceUrl,
    sourceUrl,
    title: typeof srcObj.title === 'string' ? srcObj.title : undefined,
    quote: q,
    position: p,
  };
}

function purposes(b: Obj): string[] {
  return list(b.purpose).filter((p): p is string => typeof p === 'string');
}

interface BodyReading {
  terms: string[];
  note: string;
}

function readBodies(a: Obj, path: string, table: TermTable, problems: Problems): BodyReading | undefined {
  const motivations = list(a.motivation).filter((m): m is string => typeof m === 'string');
  const linksAreTerms = motivations.some((m) => TERM_PURPOSES.has(m));
  // Terms in body order; a text tag keeps its place until it turns out to echo a concept of the same annotation.
  const slots: ({ kind: 'term'; id: string } | { kind: 'tag'; label: string; language: string })[] = [];
  const notes: string[] = [];
  let ok = true;
  if (typeof a.bodyValue === 'string') notes.push(a.bodyValue);
  const bodyList = list(a.body);
  bodyList.forEach((b, i) => {
    const bPath = Array.isArray(a.body) ? `${path}.body[${i}]` : `${path}.body`;
    if (typeof b === 'string') {
      if (linksAreTerms) {
        table.note(b, undefined);
        slots.push({ kind: 'term', id: b });
      } else problems.warn(bPath, 'a linked resource that is not a tag; skipped');
      return;
    }
    if (!isObj(b)) {
      problems.error(bPath, `expected an object or an IRI, found ${describe(b)}`);
      ok = false;
      return;
    }
    const p = purposes(b);
    if (b.source !== undefined) {
      const src = b.source;
      const id = typeof src === 'string' ? src : isObj(src) && typeof src.id === 'string' ? src.id : undefined;
      if (id === undefined) {
        problems.error(`${bPath}.source`, 'missing the term IRI');
        ok = false;
      } else if (p.some((x) => TERM_PURPOSES.has(x)) || (p.length === 0 && linksAreTerms)) {
        table.note(id, isObj(src) ? localized(src.prefLabel) ?? localized(src.label) : undefined);
        slots.push({ kind: 'term', id });
      } else problems.warn(bPath, `a SpecificResource with purpose ${p.join(', ') || 'none'}; skipped`);
      return;
    }
    if (b.value !== undefined) {
      if (typeof b.value !== 'string') {
        problems.error(`${bPath}.value`, `expected text, found ${describe(b.value)}`);
        ok = false;
      } else if (p.includes('tagging') || p.includes('classifying')) {
        const label = b.value.trim();
        if (label) slots.push({ kind: 'tag', label, language: typeof b.language === 'string' ? b.language : '' });
      } else notes.push(b.value);
      return;
    }
    if (typeof b.id === 'string' && linksAreTerms && !types(b).includes('Choice')) {
      table.note(b.id, localized(b.label));
      slots.push({ kind: 'term', id: b.id });
      return;
    }
    problems.warn(bPath, `a body of type ${types(b).join(', ') || 'unknown'} is not kept`);
  });
  if (!ok) return undefined;
  const conceptLabels = new Set<string>();
  for (const s of slots) {
    if (s.kind !== 'term') continue;
    const l = table.labels(s.id);
    if (l) conceptLabels.add(l.zh).add(l.en);
  }
  const terms: string[] = [];
  for (const s of slots) {
    if (s.kind === 'term') terms.push(s.id);
    else if (!conceptLabels.has(s.label)) {
      const id = tagIri(s.label);
      table.note(id, { zh: s.label, en: s.label });
      terms.push(id);
    }
  }
  return { terms: [...new Set(terms)], note: notes.join('\n\n') };
}

function readAnnotation(item: Located, table: TermTable, now: string, problems: Problems): (AnnotationRecord & { title?: string }) | undefined {
  const { value, path } = item;
  if (!isObj(value)) return problems.error(path, `expected an Annotation object, found ${describe(value)}`), undefined;
  if (!types(value).includes('Annotation')) {
    problems.error(`${path}.type`, `expected "Annotation", found ${describe(value.type)}`);
    return undefined;
  }
  if (typeof value.id !== 'string' || value.id === '') {
    problems.error(`${path}.id`, value.id === undefined ? 'missing' : `expected an IRI, found ${describe(value.id)}`);
    return undefined;
  }
  const created = dateTime(value, 'created', path, problems);
  const modified = dateTime(value, 'modified', path, problems);
  const where = anchor(value, path, problems);
  const bodies = readBodies(value, path, table, problems);
  if (!where || !bodies) return undefined;
  const record: AnnotationRecord & { title?: string } = {
    id: value.id,
    pageUrl: where.pageUrl,
    sourceUrl: where.sourceUrl,
    quote: where.quote,
    position: where.position,
    terms: bodies.terms,
    note: bodies.note,
    created: created ?? modified ?? now,
    modified: modified ?? created ?? now,
  };
  const who = creator(value.creator);
  if (who) record.creator = who;
  if (where.title !== undefined) record.title = where.title;
  return record;
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
  for (const item of items) {
    const read = readAnnotation(item, table, now, problems);
    if (!read) continue;
    const { title, ...record } = read;
    if (annotations.has(record.id)) problems.warn(item.path, `a second annotation with id ${record.id}; this later one is kept`);
    annotations.set(record.id, record);
    if (!pages.has(record.pageUrl)) pages.set(record.pageUrl, title === undefined ? { url: record.pageUrl } : { url: record.pageUrl, title });
  }
  if (problems.failed) return { ok: false, errors: problems.summary() };
  return { ok: true, annotations: [...annotations.values()], pages: [...pages.values()], importedTerms: table.all(), warnings: problems.warnings };
}
