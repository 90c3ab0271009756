// A taxonomy together with its terms: the unit the editing operations, the merge and the file formats work on.
// Operations never mutate a state; they return a new one in which every term they did not change is the very same
// object as before, which is how the repositories know which rows to write (touchedTerms).
import type { LocalizedText, Taxonomy, Term } from '../model';
import { MAX_KEY_LENGTH } from '../model/validate';
import { normaliseColour } from './palette';

export interface TaxonomyState {
  taxonomy: Taxonomy;
  terms: Term[];
}

export interface Problem {
  zh: string;
  en: string;
}

export function bumpVersion(taxonomy: Taxonomy, now: Date): Taxonomy {
  return { ...taxonomy, version: taxonomy.version + 1, modified: now.toISOString() };
}

export function touchedTerms(before: TaxonomyState, after: TaxonomyState): Term[] {
  const old = new Set(before.terms);
  return after.terms.filter((term) => !old.has(term));
}

/** A label is a name, shown in chips and pickers: a page of text is not one. */
export const MAX_LABEL_LENGTH = 1000;

/** More terms than any codebook in use has: a file of more is refused rather than read into the editor. */
export const MAX_CODEBOOK_TERMS = 20_000;

/** How deep a codebook may nest (a term under a term …): far beyond any real one, short enough to walk safely. */
export const MAX_TERM_DEPTH = 32;

const byOrder = (a: Term, b: Term) => a.order - b.order || a.id.localeCompare(b.id);

/** A term's children (or a scheme's top-level terms when parent is undefined), in their order. */
export function siblings(terms: readonly Term[], scheme: string, parent: string | undefined): Term[] {
  return terms.filter((term) => term.scheme === scheme && term.parent === parent).sort(byOrder);
}

const groupKey = (scheme: string, parent: string | undefined) => `${scheme}\n${parent ?? ''}`;

/**
 * Every group of siblings at once, in their order: one pass over the terms where calling `siblings` for each group
 * would pass over all of them once per group (thousands of groups in a large codebook).
 */
export class SiblingIndex {
  private readonly groups = new Map<string, Term[]>();

  constructor(terms: readonly Term[]) {
    for (const term of terms) {
      const key = groupKey(term.scheme, term.parent);
      const group = this.groups.get(key);
      if (group) group.push(term);
      else this.groups.set(key, [term]);
    }
    for (const group of this.groups.values()) group.sort(byOrder);
  }

  of(scheme: string, parent: string | undefined): readonly Term[] {
    return this.groups.get(groupKey(scheme, parent)) ?? [];
  }

  all(): IterableIterator<Term[]> {
    return this.groups.values();
  }
}

export function descendantIds(terms: readonly Term[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const term of terms) {
    if (term.parent === undefined) continue;
    const list = children.get(term.parent);
    if (list) list.push(term.id);
    else children.set(term.parent, [term.id]);
  }
  const found = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      stack.push(child);
    }
  }
  return found;
}

export function labelOf(term: { label: LocalizedText }): string {
  return term.label.zh || term.label.en;
}

function describe(term: Term): string {
  return `${term.notation ? `${term.notation} ` : ''}${labelOf(term) || term.id}`;
}

/** The first thing wrong with a state, named so that a person can find it; undefined when the state is sound. */
export function findProblem(state: TaxonomyState): Problem | undefined {
  const { taxonomy, terms } = state;
  const schemes = new Set(taxonomy.schemes.map((s) => s.id));
  const byId = new Map<string, Term>();
  // Ids are keys and index entries: a long one costs every later comparison (see model/validate.ts).
  const long = [taxonomy.id, ...taxonomy.schemes.map((s) => s.id)].find((id) => id.length > MAX_KEY_LENGTH);
  if (long !== undefined) return { zh: `id 太长（${long.length} 个字符，最多 ${MAX_KEY_LENGTH}）`, en: `An id is too long (${long.length} characters; at most ${MAX_KEY_LENGTH})` };
  for (const term of terms) {
    if (typeof term.id !== 'string' || term.id === '') return { zh: '有术语缺少 id', en: 'A term has no id' };
    if (term.id.length > MAX_KEY_LENGTH)
      return { zh: `术语 id 太长（${term.id.length} 个字符，最多 ${MAX_KEY_LENGTH}）`, en: `A term id is too long (${term.id.length} characters; at most ${MAX_KEY_LENGTH})` };
    if (byId.has(term.id)) return { zh: `术语 id 重复：${term.id}`, en: `Duplicate term id: ${term.id}` };
    byId.set(term.id, term);
  }
  const shortcuts = new Map<string, Term>();
  for (const term of terms) {
    if (!term.label || typeof term.label.zh !== 'string' || typeof term.label.en !== 'string' || !(term.label.zh || term.label.en).trim())
      return { zh: `术语 ${term.id} 没有名称`, en: `Term ${term.id} has no label` };
    if (term.label.zh.length > MAX_LABEL_LENGTH || term.label.en.length > MAX_LABEL_LENGTH)
      return { zh: `术语 ${term.id} 的名称太长（最多 ${MAX_LABEL_LENGTH} 个字符）`, en: `Term ${term.id} has a label longer than ${MAX_LABEL_LENGTH} characters` };
    if (term.taxonomyId !== taxonomy.id)
      return { zh: `术语“${describe(term)}”不属于分类表 ${taxonomy.id}`, en: `Term “${describe(term)}” does not belong to taxonomy ${taxonomy.id}` };
    if (!schemes.has(term.scheme))
      return { zh: `术语“${describe(term)}”所属的方案不存在：${term.scheme}`, en: `Term “${describe(term)}” names a scheme that does not exist: ${term.scheme}` };
    if (typeof term.color !== 'string' || normaliseColour(term.color) !== term.color)
      return { zh: `术语“${describe(term)}”的颜色不是 #rrggbb 形式：${term.color}`, en: `Term “${describe(term)}” has a colour that is not #rrggbb: ${term.color}` };
    if (typeof term.order !== 'number' || !Number.isFinite(term.order))
      return { zh: `术语“${describe(term)}”缺少排序号`, en: `Term “${describe(term)}” has no order` };
    if (term.parent !== undefined) {
      const parent = byId.get(term.parent);
      if (!parent)
        return { zh: `术语“${describe(term)}”的上级术语不存在：${term.parent}`, en: `Term “${describe(term)}” has a parent that does not exist: ${term.parent}` };
      if (parent.scheme !== term.scheme)
        return { zh: `术语“${describe(term)}”与其上级术语不在同一方案`, en: `Term “${describe(term)}” is not in the same scheme as its parent` };
    }
    if (term.shortcut !== undefined) {
      if ([...term.shortcut].length !== 1)
        return { zh: `术语“${describe(term)}”的快捷键必须是单个字符`, en: `Term “${describe(term)}” has a shortcut that is not a single character` };
      const other = shortcuts.get(term.shortcut);
      if (other && !term.retired)
        return { zh: `快捷键“${term.shortcut}”同时用于“${describe(other)}”和“${describe(term)}”`, en: `Shortcut “${term.shortcut}” is used by both “${describe(other)}” and “${describe(term)}”` };
      if (!term.retired) shortcuts.set(term.shortcut, term);
    }
  }
  // Each term's depth, found once: a walk up stops at a term whose depth is known, so that a long chain of parents
  // costs one pass instead of one walk per term (quadratic in a file made of one deep chain).
  const depth = new Map<string, number>();
  for (const term of terms) {
    const path: Term[] = [];
    const onPath = new Set<string>();
    let node: Term | undefined = term;
    while (node && !depth.has(node.id)) {
      if (onPath.has(node.id))
        return { zh: `术语“${describe(node)}”的上级关系形成了循环`, en: `The parents of term “${describe(node)}” form a cycle` };
      onPath.add(node.id);
      path.push(node);
      node = node.parent === undefined ? undefined : byId.get(node.parent);
    }
    let d = node ? depth.get(node.id)! : 0;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i].id, ++d);
    if (d > MAX_TERM_DEPTH)
      return { zh: `术语“${describe(term)}”的层级太深（超过 ${MAX_TERM_DEPTH} 层）`, en: `Term “${describe(term)}” is nested too deep (more than ${MAX_TERM_DEPTH} levels)` };
  }
  return undefined;
}
