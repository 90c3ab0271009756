import { describe, expect, it } from 'vitest';
import { AREAS_SCHEME, REPORT_SCHEME, TAXONOMY_BASE, defaultTaxonomy } from '../../../taxonomy/default';
import { addTerm, moveTerm, recolourTerm, reinstateTerm, renameTerm, retireTerm, setShortcut } from '../../../taxonomy/edit';
import { TaxonomyError } from '../../../taxonomy/errors';
import { findProblem, siblings, touchedTerms, type TaxonomyState } from '../../../taxonomy/state';

const T = (slug: string) => `${TAXONOMY_BASE}/term/${slug}`;
const now = new Date('2025-06-01T08:00:00Z');
const get = (s: TaxonomyState, id: string) => s.terms.find((term) => term.id === id)!;

function rejects(run: () => unknown, code: TaxonomyError['code']) {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    expect((e as TaxonomyError).code).toBe(code);
    expect((e as TaxonomyError).zh).toMatch(/[\u4e00-\u9fff]/);
    return;
  }
  throw new Error('expected a TaxonomyError');
}

describe('taxonomy edits', () => {
  const base = defaultTaxonomy();

  it('adds a child with the next notation, a shade of the parent and its scheme; bumps the version once', () => {
    const s = addTerm(base, { label: { zh: '执法监督平台', en: 'Supervision platform' }, parent: T('enforcement'), id: 'urn:uuid:1' }, now);
    const term = get(s, 'urn:uuid:1');
    expect(term).toMatchObject({ notation: '4.7', scheme: AREAS_SCHEME, parent: T('enforcement'), order: 6, taxonomyId: base.taxonomy.id });
    expect(term.color).not.toBe(get(base, T('enforcement')).color);
    expect(s.taxonomy.version).toBe(base.taxonomy.version + 1);
    expect(s.taxonomy.modified).toBe(now.toISOString());
    expect(touchedTerms(base, s)).toEqual([term]);
    expect(findProblem(s)).toBeUndefined();
  });

  it('adds a top-level term keeping the scheme prefix, with a fresh urn:uuid id by default', () => {
    const s = addTerm(base, { label: { zh: '批示', en: 'Instructions' }, scheme: REPORT_SCHEME }, now);
    const term = s.terms[s.terms.length - 1];
    expect(term.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(term.notation).toBe('R11');
    expect(term.parent).toBeUndefined();
  });

  it('rejects bad input without changing anything', () => {
    rejects(() => addTerm(base, { label: { zh: ' ', en: '' }, scheme: AREAS_SCHEME }), 'invalid-term');
    rejects(() => addTerm(base, { label: { zh: 'x', en: 'x' }, scheme: 'nope' }), 'invalid-term');
    rejects(() => addTerm(base, { label: { zh: 'x', en: 'x' }, scheme: AREAS_SCHEME, shortcut: '4' }), 'shortcut-taken');
    rejects(() => recolourTerm(base, T('enforcement'), 'red'), 'invalid-term');
    rejects(() => renameTerm(base, T('missing'), { zh: 'x' }), 'not-found');
    expect(base).toEqual(defaultTaxonomy());
  });

  it('renames one language at a time and recolours, keeping the id', () => {
    const s = recolourTerm(renameTerm(base, T('enforcement'), { en: 'Law enforcement' }, now), T('enforcement'), '#ABCDEF', now);
    expect(get(s, T('enforcement')).label).toEqual({ zh: '行政执法工作体系', en: 'Law enforcement' });
    expect(get(s, T('enforcement')).color).toBe('#abcdef');
    expect(s.taxonomy.version).toBe(base.taxonomy.version + 2);
  });

  it('re-orders among siblings and renumbers their order', () => {
    const s = moveTerm(base, T('enforcement/methods'), { parent: T('enforcement'), index: 0 }, now);
    const kids = siblings(s.terms, AREAS_SCHEME, T('enforcement'));
    expect(kids[0].id).toBe(T('enforcement/methods'));
    expect(kids.map((k) => k.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(get(s, T('enforcement/methods')).notation).toBe('4.6');
  });

  it('re-parents a subtree into another scheme: new notation, descendants follow, old siblings close the gap', () => {
    const withChild = addTerm(base, { label: { zh: '公示平台', en: 'Portal' }, parent: T('enforcement/three-systems'), id: 'urn:uuid:c' }, now);
    const s = moveTerm(withChild, T('enforcement/three-systems'), { parent: T('report/measures') }, now);
    expect(get(s, T('enforcement/three-systems'))).toMatchObject({ parent: T('report/measures'), scheme: REPORT_SCHEME, notation: 'R4.1', order: 0 });
    expect(get(s, 'urn:uuid:c')).toMatchObject({ scheme: REPORT_SCHEME, notation: 'R4.1.1' });
    expect(siblings(s.terms, AREAS_SCHEME, T('enforcement')).map((k) => k.order)).toEqual([0, 1, 2, 3, 4]);
    expect(findProblem(s)).toBeUndefined();
  });

  it('moves to the top level of a scheme', () => {
    const s = moveTerm(base, T('disputes/reconsideration'), { parent: null }, now);
    expect(get(s, T('disputes/reconsideration'))).toMatchObject({ notation: '11', order: 10 });
    expect(get(s, T('disputes/reconsideration')).parent).toBeUndefined();
  });

  it('refuses to move a term under itself or its descendant', () => {
    rejects(() => moveTerm(base, T('enforcement'), { parent: T('enforcement/reform') }), 'cycle');
    rejects(() => moveTerm(base, T('enforcement'), { parent: T('enforcement') }), 'cycle');
  });

  it('retires a term without removing it; reinstating gives up a shortcut taken meanwhile', () => {
    const retired = retireTerm(base, T('emergencies'), now);
    expect(retired.terms).toHaveLength(base.terms.length);
    expect(get(retired, T('emergencies')).retired).toBe(true);
    const reused = setShortcut(retired, T('report/attachments'), '5', now);
    const back = reinstateTerm(reused, T('emergencies'), now);
    expect(get(back, T('emergencies')).retired).toBeUndefined();
    expect(get(back, T('emergencies')).shortcut).toBeUndefined();
    expect(get(back, T('report/attachments')).shortcut).toBe('5');
    expect(back.taxonomy.version).toBe(base.taxonomy.version + 3);
  });
});
