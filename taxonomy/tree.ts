// A taxonomy as the editor shows it: one flat list of rows (each scheme, then its terms depth first) that a windowed
// table can slice, and the places a term can be put. Both are built in one pass over the terms, so that a codebook of
// thousands of terms is laid out as fast as a small one.
import type { Scheme, Term } from '../model';
import { descendantIds, labelOf, SiblingIndex, type TaxonomyState } from './state';

export type TreeRow =
  | { kind: 'scheme'; scheme: Scheme }
  | { kind: 'term'; term: Term; depth: number; position: number; siblingCount: number };

function schemesInOrder(state: TaxonomyState): Scheme[] {
  return [...state.taxonomy.schemes].sort((a, b) => a.order - b.order);
}

/** Every scheme followed by its terms, each term followed by its children, in their order. */
export function treeRows(state: TaxonomyState): TreeRow[] {
  const index = new SiblingIndex(state.terms);
  const rows: TreeRow[] = [];
  for (const scheme of schemesInOrder(state)) {
    rows.push({ kind: 'scheme', scheme });
    // Depth first without recursion: a stack of the groups still being walked.
    const stack: { list: readonly Term[]; at: number; depth: number }[] = [{ list: index.of(scheme.id, undefined), at: 0, depth: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.at >= top.list.length) {
        stack.pop();
        continue;
      }
      const term = top.list[top.at];
      rows.push({ kind: 'term', term, depth: top.depth, position: top.at, siblingCount: top.list.length });
      top.at++;
      const children = index.of(scheme.id, term.id);
      if (children.length > 0) stack.push({ list: children, at: 0, depth: top.depth + 1 });
    }
  }
  return rows;
}

/** Where a term can go: the top of a scheme, or under a term. */
export interface PlacementOption {
  /** `scheme:<iri>` or `term:<iri>`, unique. */
  value: string;
  label: string;
  /** The term it would go under; undefined for the top of `scheme`. */
  parent?: string;
  scheme: string;
}

/**
 * Every place, in tree order, indented by depth; without `moving` and its subtree when a term is being moved (a
 * term cannot go under itself).
 */
export function placementOptions(state: TaxonomyState, rows: readonly TreeRow[] = treeRows(state), moving?: string): PlacementOption[] {
  const excluded = moving === undefined ? new Set<string>() : new Set([moving, ...descendantIds(state.terms, moving)]);
  const options: PlacementOption[] = [];
  for (const row of rows) {
    if (row.kind === 'scheme') {
      options.push({ value: `scheme:${row.scheme.id}`, label: labelOf(row.scheme), scheme: row.scheme.id });
    } else if (!excluded.has(row.term.id)) {
      const { term } = row;
      options.push({ value: `term:${term.id}`, label: `${'　'.repeat(row.depth + 1)}${term.notation} ${labelOf(term)}`, parent: term.id, scheme: term.scheme });
    }
  }
  return options;
}
