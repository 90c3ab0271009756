// The MUST assertions of the W3C Web Annotation test suite (../shared/conformance/w3c-annotation-model, the schemas
// `node ../shared/tools/w3c-check/check.mjs` runs), as plain checks: every annotation Pizhu writes must pass them,
// including what it keeps from other tools' files. The checks are conservative: what they accept passes the suite
// (a unit test runs the suite's own checker on mutated annotations to hold them to that); a few valid but unusual
// shapes are refused with it, such as selector types the model does not define. Where the suite's schemas are
// stricter than the model's prose, the schemas win, since they are what a reader's validator runs:
//  - a body or target that is an array of a single IRI fails several assertions (their `oneOf` matches twice);
//  - a Composite, List or Independents target or body is not recognised at all;
//  - IRIs must be URIs: no characters outside ASCII, no spaces;
//  - dates must be RFC 3339 date-times with a time zone;
//  - a styleClass anywhere needs the annotation's stylesheet.
import type { Json } from '../model';

type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, key: string) => Object.prototype.hasOwnProperty.call(o, key);

// --- URIs (RFC 3986), as the suite's `uri` format reads them ---------------------------------------------------

// Character classes only (every "%" is checked once, by BAD_ESCAPE), so that checking a long IRI stays linear and
// cheap: an import checks several per annotation.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const UNRESERVED_SUB = "A-Za-z0-9\\-._~!$&'()*+,;=%";
const USERINFO = new RegExp(`^[${UNRESERVED_SUB}:]*$`);
const REG_NAME = new RegExp(`^[${UNRESERVED_SUB}]*$`);
const PATH = new RegExp(`^[${UNRESERVED_SUB}:@/]*$`);
const QUERY_OR_FRAGMENT = new RegExp(`^[${UNRESERVED_SUB}:@/?]*$`);

/** An absolute URI. IP-literal hosts (`[::1]`) are refused: rare in annotations, and not worth the grammar. */
export function isUri(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const scheme = SCHEME.exec(v);
  if (!scheme || BAD_ESCAPE.test(v)) return false;
  let rest = v.slice(scheme[0].length);
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf('?');
  if (question !== -1) {
    if (!QUERY_OR_FRAGMENT.test(rest.slice(question + 1))) return false;
    rest = rest.slice(0, question);
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    const path = slash === -1 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at !== -1 && !USERINFO.test(authority.slice(0, at))) return false;
    const hostPort = authority.slice(at + 1);
    const colon = hostPort.lastIndexOf(':');
    const host = colon === -1 ? hostPort : hostPort.slice(0, colon);
    if (colon !== -1 && !/^\d*$/.test(hostPort.slice(colon + 1))) return false;
    return REG_NAME.test(host) && PATH.test(path);
  }
  // No authority: the path must not be empty.
  return rest !== '' && PATH.test(rest);
}

// --- date-times (RFC 3339) -------------------------------------------------------------------------------------

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|[+-](\d\d):(\d\d))$/;

export function isDateTime(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE_TIME.exec(v);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days = month === 2 && isLeap(year) ? 29 : DAYS[month];
  const zoneOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return day >= 1 && day <= days && Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59 && zoneOk;
}

/** Days of each month (index 1–12) in a common year; 0 for what is no month. */
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// --- the pieces ------------------------------------------------------------------------------------------------

const TEXT_DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);
/** Keys whose presence makes an object with a `source` a Specific Resource. */
const SPECIFIC_KEYS = ['purpose', 'selector', 'state', 'styleClass', 'renderedVia', 'scope'];

const one = <T>(v: Json | undefined, ok: (x: Json) => x is T & Json): boolean =>
  ok(v as Json) || (Array.isArray(v) && v.length === 1 && ok(v[0]));
const someOf = (v: Json | undefined, ok: (x: Json) => boolean): boolean =>
  (!Array.isArray(v) && ok(v as Json)) || (Array.isArray(v) && v.length > 0 && v.every(ok));
const isString = (v: Json): v is string => typeof v === 'string';
const types = (o: Obj): string[] => (typeof o.type === 'string' ? [o.type] : Array.isArray(o.type) ? o.type.filter(isString) : []);

class Report {
  readonly problems: string[] = [];
  styleClassUsed = false;

  fail(where: string, what: string): void {
    if (this.problems.length < 20) this.problems.push(`${where}: ${what}`);
  }
}

/** created, modified, rights, canonical, via and textDirection of a resource (body, target, item or source). */
function checkProperties(o: Obj, where: string, r: Report): void {
  for (const key of ['created', 'modified'] as const) {
    if (has(o, key) && !one(o[key], isDateTime)) r.fail(`${where}.${key}`, 'not a date-time with a time zone');
  }
  if (has(o, 'rights') && !someOf(o.rights, isUri)) r.fail(`${where}.rights`, 'not URIs');
  if (has(o, 'via') && !someOf(o.via, isUri)) r.fail(`${where}.via`, 'not URIs');
  if (has(o, 'canonical') && !one(o.canonical, isUri)) r.fail(`${where}.canonical`, 'not one URI');
  if (has(o, 'textDirection') && !one(o.textDirection, (x): x is string => isString(x) && TEXT_DIRECTIONS.has(x))) {
    r.fail(`${where}.textDirection`, 'not ltr, rtl or auto');
  }
}

function isEwr(o: Obj): boolean {
  return one(o.id, isUri) && !has(o, 'source') && !has(o, 'target');
}

/** The mutual exclusions of the model's kinds of resource (EWR, Choice, Textual Body, Specific Resource). */
function checkKinds(o: Obj, where: string, r: Report): void {
  // An External Web Resource (an id that is a URI, no source): the suite forbids it items and a purpose.
  if (isEwr(o)) {
    if (has(o, 'items')) r.fail(where, 'a resource with an id has items');
    if (has(o, 'purpose')) r.fail(where, 'a resource with an id has a purpose');
  }
  if (types(o).includes('Choice') && (has(o, 'value') || has(o, 'source') || has(o, 'purpose'))) {
    r.fail(where, 'a Choice has a value, source or purpose');
  }
  if (has(o, 'value') && (has(o, 'items') || has(o, 'source'))) r.fail(where, 'a textual body has items or a source');
  if (has(o, 'source') && (has(o, 'items') || has(o, 'value'))) r.fail(where, 'a specific resource has items or a value');
}

const SELECTOR_TYPES: Record<string, (s: Obj) => boolean> = {
  FragmentSelector: (s) => isString(s.value as Json) && (!has(s, 'conformsTo') || isUri(s.conformsTo)),
  CssSelector: (s) => isString(s.value as Json),
  XPathSelector: (s) => isString(s.value as Json),
  TextQuoteSelector: (s) =>
    isString(s.exact as Json) && (!has(s, 'prefix') || isString(s.prefix)) && (!has(s, 'suffix') || isString(s.suffix)),
  TextPositionSelector: (s) => isPosition(s),
  DataPositionSelector: (s) => isPosition(s),
  SvgSelector: (s) => has(s, 'value') !== has(s, 'id') && (has(s, 'value') ? isString(s.value) : one(s.id, isUri)),
  RangeSelector: (s) => [s.startSelector, s.endSelector].every((x) => isObj(x) && simpleSelector(x)),
};

function isPosition(s: Obj): boolean {
  const whole = (v: Json | undefined) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  return whole(s.start) && whole(s.end);
}

/** A selector of one of the model's types other than Range, as a Range's start and end must be. */
function simpleSelector(s: Obj): boolean {
  return typeof s.type === 'string' && s.type !== 'RangeSelector' && SELECTOR_TYPES[s.type]?.(s) === true;
}

const STATE_TYPES: Record<string, (s: Obj) => boolean> = {
  TimeState: (s) => {
    const date = has(s, 'sourceDate');
    const span = has(s, 'sourceDateStart') && has(s, 'sourceDateEnd');
    if (date === span) return false;
    if (date && !someOf(s.sourceDate, isDateTime)) return false;
    if (span && !(isDateTime(s.sourceDateStart) && isDateTime(s.sourceDateEnd))) return false;
    return !has(s, 'cached') || isUri(s.cached);
  },
  HttpRequestState: (s) => isString(s.value as Json),
};

type Kind = 'selector' | 'state' | 'refinement';

/** A selector, state or refinement: a URI, or objects of the model's types (or with no type but an id). */
function checkRefinable(v: Json | undefined, kind: Kind, where: string, r: Report, depth = 0): void {
  if (depth > 8) return r.fail(where, 'refined too deeply');
  const items = Array.isArray(v) ? v : [v];
  if (items.length === 0) return r.fail(where, 'an empty list');
  items.forEach((item, i) => {
    const at = Array.isArray(v) ? `${where}[${i}]` : where;
    if (isUri(item)) return;
    if (!isObj(item)) return r.fail(at, 'neither a URI nor an object');
    const t = item.type;
    const table = kind === 'selector' ? [SELECTOR_TYPES] : kind === 'state' ? [STATE_TYPES] : [SELECTOR_TYPES, STATE_TYPES];
    if (t === undefined) {
      if (!one(item.id, isUri)) r.fail(at, 'no type and no id');
    } else if (typeof t !== 'string' || !table.some((tb) => tb[t]?.(item) === true)) {
      r.fail(at, `not a valid ${kind} of the model (${JSON.stringify(t).slice(0, 40)})`);
    }
    if (has(item, 'refinedBy')) checkRefinable(item.refinedBy, 'refinement', `${at}.refinedBy`, r, depth + 1);
  });
}

/** What a Specific Resource (or anything with a source) carries: source, selector, state, styleClass, scope, renderedVia. */
function checkSpecific(o: Obj, where: string, r: Report): void {
  if (has(o, 'source')) {
    const s = o.source;
    if (isObj(s)) {
      if (!isEwr(s)) r.fail(`${where}.source`, 'neither a URI nor a resource with an id');
      checkProperties(s, `${where}.source`, r);
      checkKinds(s, `${where}.source`, r);
    } else if (!isUri(s)) r.fail(`${where}.source`, 'not a URI');
  }
  if (has(o, 'selector')) checkRefinable(o.selector, 'selector', `${where}.selector`, r);
  if (has(o, 'state')) checkRefinable(o.state, 'state', `${where}.state`, r);
  if (has(o, 'styleClass')) {
    r.styleClassUsed = true;
    if (!has(o, 'source') || !someOf(o.styleClass, isString)) r.fail(`${where}.styleClass`, 'not text on a specific resource');
  }
  if (has(o, 'scope') && !someOf(o.scope, isUri)) r.fail(`${where}.scope`, 'not URIs');
  if (has(o, 'renderedVia') && !someOf(o.renderedVia, (x) => isUri(x) || (isObj(x) && one(x.id, isUri)))) {
    r.fail(`${where}.renderedVia`, 'not resources with ids');
  }
}

/** An item of a Choice: the kinds of resource the model allows there. */
function checkItem(item: Json, where: string, role: 'body' | 'target', r: Report): void {
  if (isString(item)) {
    if (!isUri(item)) r.fail(where, 'not a URI');
    return;
  }
  if (!isObj(item)) return r.fail(where, 'neither a URI nor an object');
  if (has(item, 'items')) return r.fail(where, 'an item with items of its own');
  const specific = has(item, 'source') && SPECIFIC_KEYS.some((k) => has(item, k));
  const ewr = isEwr(item);
  const text = isString(item.value as Json);
  // The suite wants each item to be exactly one kind (a `oneOf`).
  if (Number(specific) + Number(ewr) + Number(text) !== 1) r.fail(where, 'not exactly one kind of resource');
  if (role === 'target' && types(item).includes('TextualBody')) r.fail(where, 'a textual body as a target');
  checkProperties(item, where, r);
  checkKinds(item, where, r);
  checkSpecific(item, where, r);
}

function checkResource(v: Json, where: string, role: 'body' | 'target', r: Report): void {
  if (isString(v)) {
    if (!isUri(v)) r.fail(where, 'not a URI');
    return;
  }
  if (!isObj(v)) return r.fail(where, 'neither a URI nor an object');
  const choice = types(v).includes('Choice') && Array.isArray(v.items) && v.items.length > 0;
  const specific = has(v, 'source') && SPECIFIC_KEYS.some((k) => has(v, k));
  const ewr = isEwr(v);
  const text = isString(v.value as Json);
  if (role === 'body' && !(choice || specific || ewr || text)) r.fail(where, 'not a resource the model recognises');
  if (role === 'target') {
    // One kind exactly (the suite's `oneOf`), and no text: a target is what is annotated, not what is said.
    if (Number(choice) + Number(specific) + Number(ewr) !== 1) r.fail(where, 'not exactly one kind of target');
    if (has(v, 'value') || types(v).includes('TextualBody')) r.fail(where, 'a textual body as a target');
  }
  if (has(v, 'items') && !choice) r.fail(where, 'items outside a Choice (Composite, List and Independents are not recognised)');
  checkProperties(v, where, r);
  checkKinds(v, where, r);
  checkSpecific(v, where, r);
  if (choice) (v.items as Json[]).forEach((item, i) => checkItem(item, `${where}.items[${i}]`, role, r));
}

function checkResources(v: Json | undefined, key: 'body' | 'target', r: Report): void {
  if (Array.isArray(v)) {
    if (v.length === 0) return r.fail(key, 'an empty list');
    if (v.length === 1 && isString(v[0])) return r.fail(key, 'a list of one IRI (write the IRI alone)');
    v.forEach((item, i) => checkResource(item, `${key}[${i}]`, key, r));
  } else if (v !== undefined) checkResource(v, key, key, r);
}

/**
 * What keeps an annotation (as Pizhu would write it, inside a collection that gives the @context) from passing the
 * suite's MUST assertions; [] when it passes.
 */
export function mustProblems(a: Json): string[] {
  const r = new Report();
  if (!isObj(a)) return ['annotation: not an object'];
  if (!one(a.id, isUri)) r.fail('id', 'not a URI');
  if (!types(a).includes('Annotation')) r.fail('type', 'not Annotation');
  if (has(a, '@context')) {
    const c = a['@context'];
    const anno = 'http://www.w3.org/ns/anno.jsonld';
    if (c !== anno && !(Array.isArray(c) && c.includes(anno))) r.fail('@context', 'without the W3C context');
  }
  if (!has(a, 'target')) r.fail('target', 'missing');
  if (has(a, 'body') && has(a, 'bodyValue')) r.fail('bodyValue', 'together with body');
  if (has(a, 'bodyValue') && !one(a.bodyValue, isString)) r.fail('bodyValue', 'not text');
  if (has(a, 'generated') && !one(a.generated, isDateTime)) r.fail('generated', 'not a date-time with a time zone');
  checkProperties(a, 'annotation', r);
  checkResources(a.body, 'body', r);
  checkResources(a.target, 'target', r);
  if (r.styleClassUsed && !has(a, 'stylesheet')) r.fail('stylesheet', 'missing, though a styleClass is used');
  return r.problems;
}
