import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../../taxonomy/default';
import { TaxonomyError } from '../../../taxonomy/errors';
import { findProblem, touchedTerms } from '../../../taxonomy/state';
import { MAX_TERM_LABEL, TAGGING_GROUP_LABEL, addTaggingTerm, taggingSchemeId } from '../../../taxonomy/tagging-terms';

const now = new Date('2025-06-01T08:00:00Z');

describe('terms added while tagging', () => {
  const base = defaultTaxonomy();

  it('creates the tagging group with the first term, numbered U1, labelled as typed, the version bumped once', () => {
    const { state, term } = addTaggingTerm(base, '  行政复议\n 决定 ', now);
    const scheme = taggingSchemeId(base.taxonomy.id);
    expect(state.taxonomy.schemes.at(-1)).toEqual({ id: scheme, label: TAGGING_GROUP_LABEL, order: base.taxonomy.schemes.length });
    expect(term).toMatchObject({ scheme, notation: 'U1', label: { zh: '行政复议 决定', en: '行政复议 决定' }, taxonomyId: base.taxonomy.id, order: 0 });
    expect(term.parent).toBeUndefined();
    expect(term.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(state.taxonomy.version).toBe(base.taxonomy.version + 1);
    expect(touchedTerms(base, state)).toEqual([term]);
    expect(findProblem(state)).toBeUndefined();
  });

  it('numbers the next one U2 in the same group, and gives back a term of the same label instead of a second', () => {
    const first = addTaggingTerm(base, 'Administrative review', now);
    const second = addTaggingTerm(first.state, '复议', now);
    expect(second.term.notation).toBe('U2');
    expect(second.state.taxonomy.schemes.filter((s) => s.id === taggingSchemeId(base.taxonomy.id))).toHaveLength(1);
    const again = addTaggingTerm(second.state, ' administrative  REVIEW ', now);
    expect(again.state).toBe(second.state);
    expect(again.term).toBe(first.term);
    // An existing codebook term is found by either label, too.
    const existing = base.terms.find((t) => !t.retired)!;
    expect(addTaggingTerm(base, existing.label.en.toUpperCase(), now).term).toBe(existing);
  });

  it('refuses an empty label and one longer than the limit, changing nothing', () => {
    for (const text of ['   ', 'x'.repeat(MAX_TERM_LABEL + 1)]) {
      expect(() => addTaggingTerm(base, text, now)).toThrow(TaxonomyError);
    }
    expect(addTaggingTerm(base, '字'.repeat(MAX_TERM_LABEL), now).term.label.zh).toHaveLength(MAX_TERM_LABEL);
    expect(base).toEqual(defaultTaxonomy());
  });
});
