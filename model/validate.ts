// What a record read from a file must be before it is stored: the right fields of the right types, within bounds.
// The bounds keep a hostile file from freezing or poisoning the library: ids and URLs are keys and index entries,
// and every comparison of every later write pays for a long one (a 2 MB id made a 25,000-annotation import take 332 s
// instead of 8 s).
//
// The backup's restore checks its codebooks and pages with these (library/backup.ts). Its annotations are checked by
// exchange/record-check.ts, as strictly as the import checks them, so that a record cannot be refused by one path
// and taken by the other.
import type { LocalizedText, PageRecord, Taxonomy, Term } from './index';

/** Longest id or URL: those are keys and index entries (browsers and servers stop at a few KB of URL anyway). */
export const MAX_KEY_LENGTH = 4096;

export interface FieldProblem {
  /** The field, as a path inside the record: `position.start`, `terms[3]`. */
  field: string;
  zh: string;
  en: string;
}

export type Checked<T> = { ok: true; record: T; repairedDates: number } | ({ ok: false } & FieldProblem);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Refusal {
  constructor(readonly problem: FieldProblem) {}
}

const refuse = (field: string, zh: string, en: string): never => {
  throw new Refusal({ field, zh, en });
};

function text(v: unknown, field: string): string {
  if (typeof v !== 'string') refuse(field, '应为文本', 'must be text');
  return v as string;
}

function optionalText(v: unknown, field: string): string | undefined {
  return v === undefined ? undefined : text(v, field);
}

function key(v: unknown, field: string, mayBeEmpty = false): string {
  const s = text(v, field);
  if (!mayBeEmpty && s.trim() === '') refuse(field, '不能为空', 'must not be empty');
  if (s.length > MAX_KEY_LENGTH)
    refuse(field, `太长（${s.length} 个字符，最多 ${MAX_KEY_LENGTH}）`, `is too long (${s.length} characters; at most ${MAX_KEY_LENGTH})`);
  return s;
}

function localized(v: unknown, field: string): LocalizedText {
  if (!isObj(v)) refuse(field, '应为 {zh, en} 两个文本', 'must be {zh, en} texts');
  const o = v as Obj;
  return { zh: text(o.zh, `${field}.zh`), en: text(o.en, `${field}.en`) };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a date-time is written as ISO 8601 with its time zone, as Pizhu writes every date it stores. */
export function isIsoDateTime(v: unknown): v is string {
  return typeof v === 'string' && ISO_DATE_TIME.test(v) && Number.isFinite(Date.parse(v));
}

/**
 * A date-time as Pizhu stores it: ISO 8601 stays as it is; another spelling a browser reads as a date between the
 * years 1000 and 9999 becomes ISO 8601 (earlier imports kept such spellings); anything else is refused.
 */
function dateTime(v: unknown, field: string, repaired: { count: number }): string {
  if (isIsoDateTime(v)) return v;
  const ms = typeof v === 'string' && v.length <= 64 ? Date.parse(v) : NaN;
  const year = Number.isFinite(ms) ? new Date(ms).getUTCFullYear() : NaN;
  if (!(year >= 1000 && year <= 9999)) {
    const shown = typeof v === 'string' ? `“${v.slice(0, 40)}”` : String(v);
    refuse(field, `应为 ISO 8601 日期时间，实际是 ${shown}`, `must be an ISO 8601 date-time, found ${shown}`);
  }
  repaired.count++;
  return new Date(ms).toISOString();
}

function run<T>(work: (repaired: { count: number }) => T): Checked<T> {
  const repaired = { count: 0 };
  try {
    return { ok: true, record: work(repaired), repairedDates: repaired.count };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, ...e.problem };
    throw e;
  }
}

function record(v: unknown): Obj {
  if (!isObj(v)) refuse('', '应为一个对象', 'must be an object');
  return v as Obj;
}

const PAGE_KINDS = new Set(['report', 'document', 'none']);

/** A page as stored; its derived index key (docNumberKey) is left to the one who stores it, to compute afresh. */
export function checkPageRecord(v: unknown): Checked<Omit<PageRecord, 'docNumberKey'>> {
  return run((repaired) => {
    const r = record(v);
    if (!PAGE_KINDS.has(r.kind as string)) refuse('kind', '应为 report、document 或 none', 'must be report, document or none');
    const out: Omit<PageRecord, 'docNumberKey'> = {
      url: key(r.url, 'url'),
      title: text(r.title, 'title'),
      kind: r.kind as PageRecord['kind'],
      firstSeen: dateTime(r.firstSeen, 'firstSeen', repaired),
      lastSeen: dateTime(r.lastSeen, 'lastSeen', repaired),
    };
    // Indexed (through its folded key), so bounded as a key is.
    if (r.docNumber !== undefined) out.docNumber = key(r.docNumber, 'docNumber', true);
    for (const field of ['issuer', 'published', 'snapshot'] as const) {
      const value = optionalText(r[field], field);
      if (value !== undefined) out[field] = value;
    }
    if (r.snapshotAt !== undefined) out.snapshotAt = dateTime(r.snapshotAt, 'snapshotAt', repaired);
    return out;
  });
}

function wholeNumber(v: unknown, field: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
    refuse(field, `应为 0 到 ${max} 之间的整数，实际是 ${String(v)}`, `must be a whole number from 0 to ${max}, found ${String(v)}`);
  return v as number;
}

/** A place among siblings: any finite number (files have brought fractions), ties broken by id. */
function order(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e9)
    refuse(field, `应为一个有限的数，实际是 ${String(v)}`, `must be a finite number, found ${String(v)}`);
  return v as number;
}

/** A taxonomy as stored (its terms are checked together with it by taxonomy/state.ts findProblem). */
export function checkTaxonomyRecord(v: unknown): Checked<Taxonomy> {
  return run((repaired) => {
    const r = record(v);
    if (!Array.isArray(r.schemes)) refuse('schemes', '应为方案列表', 'must be a list of schemes');
    const schemes = (r.schemes as unknown[]).map((s, i) => {
      const o = isObj(s) ? s : refuse(`schemes[${i}]`, '应为一个对象', 'must be an object');
      const note = o.scopeNote === undefined ? undefined : localized(o.scopeNote, `schemes[${i}].scopeNote`);
      return { id: key(o.id, `schemes[${i}].id`), label: localized(o.label, `schemes[${i}].label`), order: order(o.order, `schemes[${i}].order`), ...(note ? { scopeNote: note } : {}) };
    });
    return {
      id: key(r.id, 'id'),
      label: localized(r.label, 'label'),
      schemes,
      version: wholeNumber(r.version, 'version', Number.MAX_SAFE_INTEGER),
      modified: dateTime(r.modified, 'modified', repaired),
    };
  });
}

/** A term as stored: its fields, types and key lengths (whether it fits its taxonomy is findProblem's to say). */
export function checkTermRecord(v: unknown): Checked<Term> {
  return run(() => {
    const r = record(v);
    const out: Term = {
      id: key(r.id, 'id'),
      taxonomyId: key(r.taxonomyId, 'taxonomyId'),
      scheme: key(r.scheme, 'scheme'),
      notation: text(r.notation, 'notation'),
      label: localized(r.label, 'label'),
      color: text(r.color, 'color'),
      order: order(r.order, 'order'),
    };
    if (r.scopeNote !== undefined) out.scopeNote = localized(r.scopeNote, 'scopeNote');
    if (r.parent !== undefined) out.parent = key(r.parent, 'parent');
    if (r.shortcut !== undefined) out.shortcut = text(r.shortcut, 'shortcut');
    if (r.retired !== undefined) {
      if (typeof r.retired !== 'boolean') refuse('retired', '应为 true 或 false', 'must be true or false');
      if (r.retired) out.retired = true;
    }
    return out;
  });
}
