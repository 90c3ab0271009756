import { describe, expect, it } from 'vitest';
import { taxonomyRecords } from '../../../scripts/hostile-files.mjs';
import { defaultTaxonomy, TAXONOMY_BASE } from '../../../taxonomy/default';
import { siblings } from '../../../taxonomy/state';
import { placementOptions, treeRows } from '../../../taxonomy/tree';

const T = (slug: string) => `${TAXONOMY_BASE}/term/${slug}`;

describe('the editor’s rows and places', () => {
  it('lists each scheme, then its terms depth first in their order, with depth and place among siblings', () => {
    const state = defaultTaxonomy();
    const rows = treeRows(state);
    expect(rows).toHaveLength(state.taxonomy.schemes.length + state.terms.length);
    expect(rows[0]).toMatchObject({ kind: 'scheme', scheme: { id: state.taxonomy.schemes[0].id } });
    // The order a recursive walk gives.
    const walk: string[] = [];
    const visit = (scheme: string, parent: string | undefined) => {
      for (const term of siblings(state.terms, scheme, parent)) {
        walk.push(term.id);
        visit(scheme, term.id);
      }
    };
    for (const s of [...state.taxonomy.schemes].sort((a, b) => a.order - b.order)) visit(s.id, undefined);
    expect(rows.flatMap((r) => (r.kind === 'term' ? [r.term.id] : []))).toEqual(walk);
    const enforcement = rows.find((r) => r.kind === 'term' && r.term.id === T('enforcement'));
    const child = rows.find((r) => r.kind === 'term' && r.term.parent === T('enforcement'));
    expect(enforcement).toMatchObject({ depth: 0 });
    expect(child).toMatchObject({ depth: 1, position: 0, siblingCount: 6 });
  });

  it('offers every place once, and none inside the term being moved', () => {
    const state = defaultTaxonomy();
    const all = placementOptions(state);
    expect(all).toHaveLength(state.taxonomy.schemes.length + state.terms.length);
    expect(new Set(all.map((o) => o.value)).size).toBe(all.length);
    const moving = placementOptions(state, treeRows(state), T('enforcement'));
    expect(moving.some((o) => o.parent === T('enforcement') || state.terms.find((t) => t.id === o.parent)?.parent === T('enforcement'))).toBe(false);
    expect(moving).toHaveLength(all.length - 7);
  });

  it('lays out 5,000 terms in one pass: one row per term, children right after their parent', () => {
    const state = taxonomyRecords(5000);
    const rows = treeRows(state);
    expect(rows).toHaveLength(5002);
    const at = new Map(rows.map((r, i) => [r.kind === 'term' ? r.term.id : r.scheme.id, i]));
    for (const t of state.terms) if (t.parent) expect(at.get(t.id)!).toBeGreaterThan(at.get(t.parent)!);
  });
});
