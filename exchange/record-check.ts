// An annotation record from a backup, checked as strictly as an import: the database must hold nothing that its own
// export would then fail (exchange/w3c-musts.ts), nor keys beyond the bounds (exchange/bounds.ts). Near misses are
// normalised as an import normalises them (dates, a position written as -1 for "unknown", IRIs in URI form); what
// cannot be repaired is named, with the field.
import type { Agent, AnnotationRecord, ForeignParts } from '../model';
import { MAX_AGENT_NAME_LENGTH, MAX_IRI_LENGTH, MAX_TERMS_PER_ANNOTATION } from './bounds';
import { readDateTime } from './dates';
import { sanitiseForeign } from './foreign';
import { toUri, usableIri } from './iri';
import { replacementId } from './replacement-id';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';

export type RecordCheck = { ok: true; record: AnnotationRecord; normalised: boolean } | { ok: false; field: string };

const NO_LOOKUP = { termLabel: () => undefined, pageTitle: () => undefined };

/**
 * A date an earlier Pizhu stored because JavaScript could read it ("Tue, 5 Mar 2024"): it was shown as that
 * instant all along, so it is kept as that instant. New files never get this far (exchange/dates.ts refuses them).
 */
function storedDate(text: string): { value: string; normalised: true } | undefined {
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999 ? { value: new Date(time).toISOString(), normalised: true } : undefined;
}

export function checkAnnotationRecord(r: Obj): RecordCheck {
  const fail = (field: string): RecordCheck => ({ ok: false, field });
  let normalised = false;
  if (!isText(r.id) || r.id === '') return fail('id');
  // Pizhu before this check kept any id a file gave: one that is no usable IRI gets a new one, as on import.
  const id = usableIri(r.id) ?? replacementId(JSON.stringify(r));
  normalised ||= id !== r.id;
  if (!isText(r.pageUrl) || r.pageUrl === '' || r.pageUrl.length > MAX_IRI_LENGTH) return fail('pageUrl');
  const sourceUrl = isText(r.sourceUrl) ? toUri(r.sourceUrl) : undefined;
  if (sourceUrl === undefined || sourceUrl.length > MAX_IRI_LENGTH) return fail('sourceUrl');
  if (!Array.isArray(r.terms) || r.terms.length > MAX_TERMS_PER_ANNOTATION || !r.terms.every((t) => isText(t) && t !== '' && t.length <= MAX_IRI_LENGTH)) return fail('terms');
  if (!isText(r.note)) return fail('note');
  const record: AnnotationRecord = { id, pageUrl: r.pageUrl, sourceUrl, terms: [...new Set(r.terms as string[])], note: r.note, created: '', modified: '' };
  normalised ||= sourceUrl !== r.sourceUrl;

  for (const key of ['created', 'modified'] as const) {
    const read = isText(r[key]) ? (readDateTime(r[key]) ?? storedDate(r[key])) : undefined;
    if (!read) return fail(key);
    record[key] = read.value;
    normalised ||= read.normalised;
  }
  if (r.quote !== undefined) {
    const q = r.quote;
    if (!isObj(q) || !isText(q.exact) || !isText(q.prefix) || !isText(q.suffix)) return fail('quote');
    record.quote = { exact: q.exact, prefix: q.prefix, suffix: q.suffix };
  }
  if (r.position !== undefined) {
    const p = r.position;
    const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    // Anything else (-1 for "unknown", 1e308, −5) is no position: anchoring the quote finds it again.
    if (isObj(p) && whole(p.start) && whole(p.end) && p.start <= p.end) record.position = { start: p.start, end: p.end };
    else normalised = true;
  }
  if (r.creator !== undefined) {
    const c = r.creator;
    if (!isObj(c) || !isText(c.name) || c.name.length > MAX_AGENT_NAME_LENGTH) return fail('creator');
    const creatorId = c.id === undefined ? undefined : usableIri(c.id);
    if (c.id !== undefined && creatorId === undefined) return fail('creator.id');
    const agent: Agent = creatorId ? { id: creatorId, name: c.name } : { name: c.name };
    record.creator = agent;
  }
  if (r.foreign !== undefined) {
    if (!isObj(r.foreign)) return fail('foreign');
    const { foreign, dropped } = sanitiseForeign(r.foreign as ForeignParts, record, NO_LOOKUP);
    if (foreign) record.foreign = foreign;
    normalised ||= dropped.length > 0;
  }
  return { ok: true, record, normalised };
}
