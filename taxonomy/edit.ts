// Editing a taxonomy: every operation checks its input, returns a new state with the taxonomy's version bumped once,
// and leaves a term's id alone whatever else changes, since annotations refer to terms by id.
import type { LocalizedText, Term } from '../model';
import { randomUuid } from '../model';
import { TaxonomyError } from './errors';
import { childShade, normaliseColour, pickColour } from './palette';
import { bumpVersion, descendantIds, labelOf, MAX_LABEL_LENGTH, MAX_TERM_DEPTH, siblings, type TaxonomyState } from './state';

export interface NewTerm {
  label: LocalizedText;
  /** Parent term id; the new term goes to the top level of `scheme` when absent. */
  parent?: string;
  /** Required for a top-level term; a child is always in its parent's scheme. */
  scheme?: string;
  color?: string;
  scopeNote?: LocalizedText;
  shortcut?: string;
  notation?: string;
  /** Defaults to a fresh `urn:uuid:` IRI. */
  id?: string;
}

export interface Placement {
  /** New parent id, or null for the top level of `scheme` (or of the term's own scheme). */
  parent: string | null;
  scheme?: string;
  /** Position among the new siblings; past the end (or absent) appends. */
  index?: number;
}

function termOf(state: TaxonomyState, id: string): Term {
  const term = state.terms.find((other) => other.id === id);
  if (!term) throw new TaxonomyError('not-found', `找不到术语：${id}`, `No such term: ${id}`);
  return term;
}

function checkLabel(label: LocalizedText): LocalizedText {
  const clean = { zh: label.zh.trim(), en: label.en.trim() };
  if (!clean.zh && !clean.en) throw new TaxonomyError('invalid-term', '术语名称不能为空', 'A term needs a label');
  if (clean.zh.length > MAX_LABEL_LENGTH || clean.en.length > MAX_LABEL_LENGTH)
    throw new TaxonomyError('invalid-term', `术语名称最多 ${MAX_LABEL_LENGTH} 个字符`, `A term label can have at most ${MAX_LABEL_LENGTH} characters`);
  return clean;
}

function checkColour(color: string): string {
  const c = normaliseColour(color);
  if (!c) throw new TaxonomyError('invalid-term', `颜色应为 #rrggbb 形式：${color}`, `A colour must look like #rrggbb: ${color}`);
  return c;
}

function checkShortcut(state: TaxonomyState, shortcut: string, forId: string | undefined): string {
  if ([...shortcut].length !== 1)
    throw new TaxonomyError('invalid-term', '快捷键必须是单个字符', 'A shortcut must be a single character');
  const holder = state.terms.find((other) => other.shortcut === shortcut && !other.retired && other.id !== forId);
  if (holder)
    throw new TaxonomyError('shortcut-taken', `快捷键“${shortcut}”已用于“${labelOf(holder)}”`, `Shortcut “${shortcut}” is already used by “${labelOf(holder)}”`);
  return shortcut;
}

/** The next free number under a parent: "4" → "4.3" when 4.1 and 4.2 exist; top level keeps the scheme's prefix (R1 → R11). */
function nextNotation(state: TaxonomyState, scheme: string, parent: Term | undefined): string {
  const peers = siblings(state.terms, scheme, parent?.id).map((other) => other.notation);
  if (parent) {
    const taken = peers
      .filter((n) => n.startsWith(`${parent.notation}.`))
      .map((n) => Number(n.slice(parent.notation.length + 1)))
      .filter(Number.isInteger);
    return `${parent.notation}.${Math.max(0, ...taken) + 1}`;
  }
  const parsed = peers.map((n) => /^(\D*)(\d+)$/.exec(n)).filter((m) => m !== null);
  const prefix = parsed[0]?.[1] ?? '';
  return `${prefix}${Math.max(0, ...parsed.filter((m) => m[1] === prefix).map((m) => Number(m[2]))) + 1}`;
}

function replaceTerms(state: TaxonomyState, changed: Term[], now: Date): TaxonomyState {
  const byId = new Map(changed.map((other) => [other.id, other]));
  const kept = state.terms.map((other) => byId.get(other.id) ?? other);
  const known = new Set(state.terms.map((old) => old.id));
  const added = changed.filter((other) => !known.has(other.id));
  return { taxonomy: bumpVersion(state.taxonomy, now), terms: [...kept, ...added] };
}

/** How many levels a term is from the top of its scheme (a top-level term is at 1). */
function depthOf(byId: ReadonlyMap<string, Term>, term: Term): number {
  let depth = 1;
  for (let p = term.parent; p !== undefined && depth <= MAX_TERM_DEPTH; p = byId.get(p)?.parent) depth++;
  return depth;
}

function tooDeep(): TaxonomyError {
  return new TaxonomyError('invalid-term', `术语层级不能超过 ${MAX_TERM_DEPTH} 层`, `Terms cannot be nested more than ${MAX_TERM_DEPTH} levels deep`);
}

function renumber(list: Term[]): Term[] {
  return list.map((other, i) => (other.order === i ? other : { ...other, order: i }));
}

export function addTerm(state: TaxonomyState, input: NewTerm, now = new Date()): TaxonomyState {
  const parent = input.parent === undefined ? undefined : termOf(state, input.parent);
  const scheme = parent?.scheme ?? input.scheme;
  if (!scheme || !state.taxonomy.schemes.some((s) => s.id === scheme))
    throw new TaxonomyError('invalid-term', `方案不存在：${scheme ?? '（未指定）'}`, `No such scheme: ${scheme ?? '(none given)'}`);
  const id = input.id ?? `urn:uuid:${randomUuid()}`;
  if (state.terms.some((other) => other.id === id))
    throw new TaxonomyError('invalid-term', `术语 id 已存在：${id}`, `A term with id ${id} already exists`);
  if (parent && depthOf(new Map(state.terms.map((other) => [other.id, other])), parent) >= MAX_TERM_DEPTH) throw tooDeep();
  const peers = siblings(state.terms, scheme, parent?.id);
  const term: Term = {
    id,
    taxonomyId: state.taxonomy.id,
    scheme,
    notation: input.notation?.trim() || nextNotation(state, scheme, parent),
    label: checkLabel(input.label),
    color: input.color
      ? checkColour(input.color)
      : parent
        ? childShade(parent.color, peers.length)
        : pickColour(state.terms.filter((other) => !other.retired).map((other) => other.color)),
    order: peers.length,
    ...(parent ? { parent: parent.id } : {}),
    ...(input.scopeNote ? { scopeNote: input.scopeNote } : {}),
    ...(input.shortcut ? { shortcut: checkShortcut(state, input.shortcut, undefined) } : {}),
  };
  return replaceTerms(state, [term], now);
}

export function renameTerm(state: TaxonomyState, id: string, label: Partial<LocalizedText>, now = new Date()): TaxonomyState {
  const term = termOf(state, id);
  return replaceTerms(state, [{ ...term, label: checkLabel({ ...term.label, ...label }) }], now);
}

export function recolourTerm(state: TaxonomyState, id: string, color: string, now = new Date()): TaxonomyState {
  return replaceTerms(state, [{ ...termOf(state, id), color: checkColour(color) }], now);
}

export function setShortcut(state: TaxonomyState, id: string, shortcut: string | undefined, now = new Date()): TaxonomyState {
  const { shortcut: _old, ...rest } = termOf(state, id);
  return replaceTerms(state, [shortcut ? { ...rest, shortcut: checkShortcut(state, shortcut, id) } : rest], now);
}

/**
 * Re-parents and/or re-orders a term with its subtree. Siblings on both sides are renumbered 0…n-1. A term that
 * changes parent gets the next free number under its new parent, and its descendants' numbers follow.
 */
export function moveTerm(state: TaxonomyState, id: string, to: Placement, now = new Date()): TaxonomyState {
  const term = termOf(state, id);
  const parent = to.parent === null ? undefined : termOf(state, to.parent);
  const descendants = descendantIds(state.terms, id);
  if (parent && (parent.id === id || descendants.has(parent.id)))
    throw new TaxonomyError('cycle', `不能把“${labelOf(term)}”移到它自己的下级之下`, `Cannot move “${labelOf(term)}” under itself or its own descendant`);
  const scheme = parent?.scheme ?? to.scheme ?? term.scheme;
  if (!state.taxonomy.schemes.some((s) => s.id === scheme))
    throw new TaxonomyError('invalid-term', `方案不存在：${scheme}`, `No such scheme: ${scheme}`);
  const byId = new Map(state.terms.map((other) => [other.id, other]));
  if (parent) {
    // The subtree's own height, below the new parent.
    let height = 1;
    for (const d of descendants) height = Math.max(height, depthOf(byId, byId.get(d)!) - depthOf(byId, term) + 1);
    if (depthOf(byId, parent) + height > MAX_TERM_DEPTH) throw tooDeep();
  }

  const reparented = parent?.id !== term.parent || scheme !== term.scheme;
  const changed = new Map<string, Term>();
  let moved: Term = { ...term, scheme };
  if (parent) moved.parent = parent.id;
  else delete moved.parent;
  if (reparented) {
    const without = { ...state, terms: state.terms.filter((other) => other.id !== id) };
    const notation = nextNotation(without, scheme, parent);
    const oldPrefix = `${term.notation}.`;
    for (const d of descendants) {
      const desc = byId.get(d)!;
      const renumbered = desc.notation.startsWith(oldPrefix) ? `${notation}.${desc.notation.slice(oldPrefix.length)}` : desc.notation;
      if (renumbered !== desc.notation || desc.scheme !== scheme) changed.set(d, { ...desc, scheme, notation: renumbered });
    }
    moved = { ...moved, notation };
    for (const other of renumber(siblings(state.terms, term.scheme, term.parent).filter((other) => other.id !== id))) changed.set(other.id, other);
  }
  const target = siblings(state.terms, scheme, parent?.id).filter((other) => other.id !== id);
  const at = Math.max(0, Math.min(to.index ?? target.length, target.length));
  target.splice(at, 0, moved);
  for (const other of renumber(target)) changed.set(other.id, other);
  const updates = [...changed.values()].filter((other) => other !== byId.get(other.id));
  return replaceTerms(state, updates, now);
}

/** Takes a term out of use for new tagging; it keeps its annotations, its place and its id. */
export function retireTerm(state: TaxonomyState, id: string, now = new Date()): TaxonomyState {
  return replaceTerms(state, [{ ...termOf(state, id), retired: true }], now);
}

/** Brings a retired term back; if its shortcut has meanwhile gone to another term, it comes back without one. */
export function reinstateTerm(state: TaxonomyState, id: string, now = new Date()): TaxonomyState {
  const { retired: _retired, ...term } = termOf(state, id);
  const taken = term.shortcut !== undefined && state.terms.some((other) => other.shortcut === term.shortcut && !other.retired && other.id !== id);
  if (taken) delete term.shortcut;
  return replaceTerms(state, [term], now);
}
