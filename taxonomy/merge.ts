// Bringing a team member's codebook into ours. Terms are matched by id; for a matched term the incoming version wins
// field by field, since importing is the user's explicit choice to take it. Nothing is ever removed: a term we have
// and they lack stays (annotations may use it). The summary lists what would change, for the UI to show before the
// user applies it.
import type { LocalizedText, Scheme, Term } from '../model';
import { TaxonomyError } from './errors';
import { bumpVersion, findProblem, SiblingIndex, type TaxonomyState } from './state';

export interface TermRef {
  id: string;
  notation: string;
  label: LocalizedText;
}

export interface MergeSummary {
  added: TermRef[];
  renamed: (TermRef & { from: LocalizedText })[];
  recoloured: (TermRef & { from: string })[];
  /** Changed parent, scheme or place among siblings. */
  moved: (TermRef & { fromParent?: string })[];
  retired: TermRef[];
  reinstated: TermRef[];
  /** Changed notation, scope note or shortcut. */
  edited: TermRef[];
  unchanged: TermRef[];
  /** Ours only: kept as they are. */
  onlyHere: TermRef[];
  /** Incoming shortcuts left off because one of our own terms (absent from theirs) uses the key. */
  shortcutsDropped: (TermRef & { shortcut: string })[];
  schemesAdded: { id: string; label: LocalizedText }[];
}

export interface MergePlan {
  summary: MergeSummary;
  /** The merged state; the current state itself when nothing changes. */
  result: TaxonomyState;
  changes: number;
}

const ref = (term: Term): TermRef => ({ id: term.id, notation: term.notation, label: term.label });

const sameText = (a: LocalizedText | undefined, b: LocalizedText | undefined) =>
  (a?.zh ?? '') === (b?.zh ?? '') && (a?.en ?? '') === (b?.en ?? '');

export function planMerge(current: TaxonomyState, incoming: TaxonomyState, now = new Date()): MergePlan {
  const problem = findProblem(incoming);
  if (problem) throw new TaxonomyError('malformed-file', problem.zh, problem.en);

  const summary: MergeSummary = {
    added: [], renamed: [], recoloured: [], moved: [], retired: [], reinstated: [], edited: [], unchanged: [],
    onlyHere: [], shortcutsDropped: [], schemesAdded: [],
  };
  const taxonomyId = current.taxonomy.id;
  const ours = new Map(current.terms.map((term) => [term.id, term]));
  const theirs = new Set(incoming.terms.map((term) => term.id));
  const onlyHere = current.terms.filter((term) => !theirs.has(term.id));
  const localShortcuts = new Set(onlyHere.filter((term) => !term.retired && term.shortcut).map((term) => term.shortcut));

  const schemes: Scheme[] = [...current.taxonomy.schemes];
  const schemeIds = new Set(schemes.map((s) => s.id));
  for (const s of incoming.taxonomy.schemes) {
    if (schemeIds.has(s.id)) continue;
    schemeIds.add(s.id);
    schemes.push({ ...s, order: schemes.length });
    summary.schemesAdded.push({ id: s.id, label: s.label });
  }

  const merged: Term[] = [];
  for (const their of incoming.terms) {
    const next: Term = { ...their, taxonomyId };
    if (next.shortcut && !next.retired && localShortcuts.has(next.shortcut)) {
      summary.shortcutsDropped.push({ ...ref(next), shortcut: next.shortcut });
      delete next.shortcut;
    }
    const our = ours.get(their.id);
    if (!our) {
      summary.added.push(ref(next));
      merged.push(next);
      continue;
    }
    const renamed = !sameText(our.label, next.label);
    const recoloured = our.color !== next.color;
    const moved = our.parent !== next.parent || our.scheme !== next.scheme || our.order !== next.order;
    const retired = !our.retired && !!next.retired;
    const reinstated = !!our.retired && !next.retired;
    const edited = our.notation !== next.notation || our.shortcut !== next.shortcut || !sameText(our.scopeNote, next.scopeNote);
    if (renamed) summary.renamed.push({ ...ref(next), from: our.label });
    if (recoloured) summary.recoloured.push({ ...ref(next), from: our.color });
    if (moved) summary.moved.push({ ...ref(next), ...(our.parent ? { fromParent: our.parent } : {}) });
    if (retired) summary.retired.push(ref(next));
    if (reinstated) summary.reinstated.push(ref(next));
    if (edited) summary.edited.push(ref(next));
    const differs = renamed || recoloured || moved || retired || reinstated || edited;
    if (!differs) summary.unchanged.push(ref(our));
    merged.push(differs ? next : our);
  }
  summary.onlyHere = onlyHere.map(ref);

  const combined = [...merged, ...onlyHere];
  const terms = settle(combined, new Set(onlyHere));
  const changes =
    summary.added.length + summary.renamed.length + summary.recoloured.length + summary.moved.length +
    summary.retired.length + summary.reinstated.length + summary.edited.length + summary.schemesAdded.length;
  const renumbered = terms.some((term, i) => term !== combined[i]);
  if (changes === 0 && !renumbered) return { summary, result: current, changes: 0 };

  const version = Math.max(current.taxonomy.version, incoming.taxonomy.version);
  const result: TaxonomyState = {
    taxonomy: bumpVersion({ ...current.taxonomy, schemes, version }, now),
    terms,
  };
  const broken = findProblem(result);
  if (broken) throw new TaxonomyError('malformed-file', broken.zh, broken.en);
  return { summary, result, changes };
}

/**
 * Our own terms follow their (possibly moved) ancestors into the ancestors' scheme, and every group of siblings is
 * renumbered so that theirs and ours interleave by their order without ties (theirs first on a tie).
 */
function settle(terms: Term[], local: Set<Term>): Term[] {
  const byId = new Map(terms.map((term) => [term.id, term]));
  const rootScheme = (term: Term): string => {
    let node = term;
    // Bounded: the states were checked for cycles, but a walk that cannot end must not be possible at all.
    for (let p = node.parent, steps = 0; p !== undefined && steps <= terms.length; p = node.parent, steps++) {
      const parent = byId.get(p);
      if (!parent) break;
      node = parent;
    }
    return node.scheme;
  };
  const fixed = terms.map((term) => {
    const scheme = local.has(term) ? rootScheme(term) : term.scheme;
    return scheme === term.scheme ? term : { ...term, scheme };
  });
  const rank = new Map(fixed.map((term, i) => [term.id, i]));
  const order = new Map<string, number>();
  for (const group of new SiblingIndex(fixed).all()) {
    [...group]
      .sort((a, b) => a.order - b.order || rank.get(a.id)! - rank.get(b.id)!)
      .forEach((term, i) => order.set(term.id, i));
  }
  return fixed.map((term) => (order.get(term.id) === term.order ? term : { ...term, order: order.get(term.id)! }));
}
