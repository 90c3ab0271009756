import { describe, expect, it } from 'vitest';
import { IMPORTED_GROUP_LABEL, planImportedTerms } from '../../../library/imported-terms';
import { defaultTaxonomy } from '../../../taxonomy/default';
import { importedSchemeId } from '../../../taxonomy/refi-qda';
import { findProblem } from '../../../taxonomy/state';

describe('imported terms', () => {
  const current = defaultTaxonomy();
  const known = new Set(current.terms.map((t) => t.id));
  const taken = current.terms.find((t) => t.shortcut && !t.retired)!.shortcut!;

  it('adds unknown terms to an imported group, labelled from the file, keeping parents among them', () => {
    const plan = planImportedTerms(current, known, [
      { id: current.terms[0].id, label: { zh: '已有', en: 'known' } },
      { id: 'urn:x:parent', label: { zh: '上级', en: '' }, color: 'not a colour', shortcut: taken },
      { id: 'urn:x:child', label: { zh: '', en: 'Child' }, parent: 'urn:x:parent', notation: '9.1', color: '#123456' },
      { id: 'urn:x:orphan', label: { zh: '孤儿', en: 'Orphan' }, parent: 'urn:x:elsewhere' },
    ])!;
    const scheme = importedSchemeId(current.taxonomy.id);
    expect(plan.taxonomy.version).toBe(current.taxonomy.version + 1);
    expect(plan.taxonomy.schemes.at(-1)).toMatchObject({ id: scheme, label: IMPORTED_GROUP_LABEL });
    expect(plan.terms.map((t) => t.id)).toEqual(['urn:x:parent', 'urn:x:child', 'urn:x:orphan']);
    const [parent, child, orphan] = plan.terms;
    expect(parent).toMatchObject({ scheme, label: { zh: '上级', en: '上级' }, order: 0 });
    expect(parent.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(parent.shortcut).toBeUndefined();
    expect(child).toMatchObject({ parent: 'urn:x:parent', notation: '9.1', color: '#123456', label: { zh: 'Child', en: 'Child' } });
    expect(orphan.parent).toBeUndefined();
    expect(orphan.order).toBe(1);
    expect(findProblem({ taxonomy: plan.taxonomy, terms: [...current.terms, ...plan.terms] })).toBeUndefined();
  });

  it('returns nothing when every term is known, and flattens a parent loop rather than refuse', () => {
    expect(planImportedTerms(current, known, [{ id: current.terms[0].id, label: { zh: 'x', en: 'x' } }])).toBeUndefined();
    const plan = planImportedTerms(current, known, [
      { id: 'urn:a', label: { zh: 'A', en: 'A' }, parent: 'urn:b' },
      { id: 'urn:b', label: { zh: 'B', en: 'B' }, parent: 'urn:a' },
    ])!;
    expect(plan.terms.every((t) => t.parent === undefined)).toBe(true);
    expect(findProblem({ taxonomy: plan.taxonomy, terms: [...current.terms, ...plan.terms] })).toBeUndefined();
  });

  it('colours 1,000 new tags without colours in one pass, spread over the whole palette (issue 11: 92 s frozen)', () => {
    const incoming = Array.from({ length: 1000 }, (_, i) => ({ id: `urn:x:tag-${i}`, label: { zh: `标签 ${i}`, en: `Tag ${i}` } }));
    const plan = planImportedTerms(current, known, incoming)!;
    expect(plan.terms).toHaveLength(1000);
    const uses = new Map<string, number>();
    for (const t of plan.terms) uses.set(t.color, (uses.get(t.color) ?? 0) + 1);
    expect(uses.size).toBe(20);
    expect(Math.max(...uses.values()) - Math.min(...uses.values())).toBeLessThanOrEqual(2);
    expect(findProblem({ taxonomy: plan.taxonomy, terms: [...current.terms, ...plan.terms] })).toBeUndefined();
  });
});
