// Terms a reader adds while tagging, when nothing in the codebook fits what they typed in the picker. They go into
// one group of their own ("added while tagging"), numbered U1, U2…, so that they are easy to find later in the
// taxonomy editor and to move or merge into the codebook proper.
import type { LocalizedText, Scheme, Term } from '../model';
import { addTerm } from './edit';
import { TaxonomyError } from './errors';
import type { TaxonomyState } from './state';

export const TAGGING_GROUP_LABEL: LocalizedText = { zh: '标注时添加的编码', en: 'Terms added while tagging' };
/** A label is a name, not a note: longer text is refused rather than cut. */
export const MAX_TERM_LABEL = 80;

export function taggingSchemeId(taxonomyId: string): string {
  return `${taxonomyId}#added-while-tagging`;
}

const PREFIX = 'U';

/** White space collapsed, ends trimmed: what the label will be. */
export function cleanLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Adds a term labelled `text` (in both languages: the reader named it once) to the tagging group, creating the group
 * when missing. A term in use with the same label is returned instead of a second one (a double Enter, or a label
 * the filter did not match because of spacing or case).
 */
export function addTaggingTerm(state: TaxonomyState, text: string, now = new Date()): { state: TaxonomyState; term: Term } {
  const label = cleanLabel(text);
  if (!label) throw new TaxonomyError('invalid-term', '术语名称不能为空', 'A term needs a label');
  if ([...label].length > MAX_TERM_LABEL) {
    throw new TaxonomyError('invalid-term', `术语名称不能超过 ${MAX_TERM_LABEL} 个字`, `A term label can have at most ${MAX_TERM_LABEL} characters`);
  }
  const folded = label.toLowerCase();
  const same = state.terms.find((term) => !term.retired && (term.label.zh.toLowerCase() === folded || term.label.en.toLowerCase() === folded));
  if (same) return { state, term: same };

  const scheme = taggingSchemeId(state.taxonomy.id);
  const schemes: Scheme[] = state.taxonomy.schemes.some((s) => s.id === scheme)
    ? state.taxonomy.schemes
    : [...state.taxonomy.schemes, { id: scheme, label: { ...TAGGING_GROUP_LABEL }, order: state.taxonomy.schemes.length }];
  const numbers = state.terms
    .filter((term) => term.scheme === scheme && term.notation.startsWith(PREFIX))
    .map((term) => Number(term.notation.slice(PREFIX.length)))
    .filter(Number.isInteger);
  const notation = `${PREFIX}${Math.max(0, ...numbers) + 1}`;
  // addTerm bumps the version once, for the group and the term together.
  const next = addTerm({ taxonomy: { ...state.taxonomy, schemes }, terms: state.terms }, { label: { zh: label, en: label }, scheme, notation }, now);
  return { state: next, term: next.terms[next.terms.length - 1] };
}
