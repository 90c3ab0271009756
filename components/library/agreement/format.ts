// How the Agreement and Adjudication views name coders and terms and write figures, in the UI's language.
import { SELF_CODER, type Coder, type UnitKind } from '../../../agreement';
import type { LocalizedText, Term } from '../../../model';
import { uiLang } from '../../i18n';
import { L } from '../strings';

/** A message about n things: `<key>One` when n is 1 (English has a singular; Chinese gives both keys one text). */
export function Ln(key: string, n: number, subs: (string | number)[] = []): string {
  return L(n === 1 ? `${key}One` : key, [n.toLocaleString(), ...subs.map(String)]);
}

export function coderLabel(c: Coder): string {
  if (c.name) return c.name;
  return c.id === SELF_CODER ? L('AgrYou') : c.id;
}

export function termLabel(terms: ReadonlyMap<string, Term>, id: string | null): string {
  if (id === null) return L('AgrAllTerms');
  const t = terms.get(id);
  if (!t) return id;
  return uiLang() === 'en' ? t.label.en || t.label.zh : t.label.zh || t.label.en;
}

const collator = new Intl.Collator(['zh-CN', 'en']);

/** Terms in the order a reader looks for them: by their label, not by their IRI. */
export function byLabel(terms: ReadonlyMap<string, Term>, ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => collator.compare(termLabel(terms, a), termLabel(terms, b)));
}

export function termColor(terms: ReadonlyMap<string, Term>, id: string): string {
  return terms.get(id)?.color ?? '#888888';
}

export function localized(text: LocalizedText): string {
  return uiLang() === 'en' ? text.en : text.zh;
}

const UNIT_KEYS: Record<UnitKind, string> = { character: 'AgrUnitCharacter', sentence: 'AgrUnitSentence', part: 'AgrUnitPart' };

export function unitLabel(unit: UnitKind): string {
  return L(UNIT_KEYS[unit]);
}

/** A statistic as the table shows it: three decimals, an undefined one as a dash (never 0 or NaN). */
export function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}

export function count(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString() : n.toLocaleString(undefined, { maximumFractionDigits: 4 });
}

/**
 * A heat colour for κ, α and agreement: red at 0 and below, through amber, to green at 1 (Landis and Koch's bands
 * read at a glance); grey for an undefined figure.
 */
export function heat(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'transparent';
  const v = Math.max(0, Math.min(1, value));
  return `hsl(${Math.round(v * 120)} 70% 45% / 0.35)`;
}
