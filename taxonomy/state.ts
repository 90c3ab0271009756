// A taxonomy together with its terms: the unit the editing operations, the merge and the file formats work on.
// Operations never mutate a state; they return a new one in which every term they did not change is the very same
// object as before, which is how the repositories know which rows to write (touchedTerms).
import type { LocalizedText, Taxonomy, Term } from '../storage/model';
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
  return after.terms.filter((t) => !old.has(t));
}

/** A term's children (or a scheme's top-level terms when parent is undefined), in their order. */
export function siblings(terms: readonly Term[], scheme: string, parent: string | undefined): Term[] {
  return terms
    .filter((t) => t.scheme === scheme && t.parent === parent)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function descendantIds(terms: readonly Term[], id: string): Set<string> {
  const found = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const t of terms) {
      if (t.parent === current && !found.has(t.id)) {
        found.add(t.id);
        stack.push(t.id);
      }
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
  for (const t of terms) {
    if (typeof t.id !== 'string' || t.id === '') return { zh: '有术语缺少 id', en: 'A term has no id' };
    if (byId.has(t.id)) return { zh: `术语 id 重复：${t.id}`, en: `Duplicate term id: ${t.id}` };
    byId.set(t.id, t);
  }
  const shortcuts = new Map<string, Term>();
  for (const t of terms) {
    if (!t.label || typeof t.label.zh !== 'string' || typeof t.label.en !== 'string' || !(t.label.zh || t.label.en).trim())
      return { zh: `术语 ${t.id} 没有名称`, en: `Term ${t.id} has no label` };
    if (t.taxonomyId !== taxonomy.id)
      return { zh: `术语“${describe(t)}”不属于分类表 ${taxonomy.id}`, en: `Term “${describe(t)}” does not belong to taxonomy ${taxonomy.id}` };
    if (!schemes.has(t.scheme))
      return { zh: `术语“${describe(t)}”所属的方案不存在：${t.scheme}`, en: `Term “${describe(t)}” names a scheme that does not exist: ${t.scheme}` };
    if (typeof t.color !== 'string' || normaliseColour(t.color) !== t.color)
      return { zh: `术语“${describe(t)}”的颜色不是 #rrggbb 形式：${t.color}`, en: `Term “${describe(t)}” has a colour that is not #rrggbb: ${t.color}` };
    if (typeof t.order !== 'number' || !Number.isFinite(t.order))
      return { zh: `术语“${describe(t)}”缺少排序号`, en: `Term “${describe(t)}” has no order` };
    if (t.parent !== undefined) {
      const parent = byId.get(t.parent);
      if (!parent)
        return { zh: `术语“${describe(t)}”的上级术语不存在：${t.parent}`, en: `Term “${describe(t)}” has a parent that does not exist: ${t.parent}` };
      if (parent.scheme !== t.scheme)
        return { zh: `术语“${describe(t)}”与其上级术语不在同一方案`, en: `Term “${describe(t)}” is not in the same scheme as its parent` };
    }
    if (t.shortcut !== undefined) {
      if ([...t.shortcut].length !== 1)
        return { zh: `术语“${describe(t)}”的快捷键必须是单个字符`, en: `Term “${describe(t)}” has a shortcut that is not a single character` };
      const other = shortcuts.get(t.shortcut);
      if (other && !t.retired)
        return { zh: `快捷键“${t.shortcut}”同时用于“${describe(other)}”和“${describe(t)}”`, en: `Shortcut “${t.shortcut}” is used by both “${describe(other)}” and “${describe(t)}”` };
      if (!t.retired) shortcuts.set(t.shortcut, t);
    }
  }
  for (const t of terms) {
    const seen = new Set([t.id]);
    for (let p = t.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (seen.has(p))
        return { zh: `术语“${describe(t)}”的上级关系形成了循环`, en: `The parents of term “${describe(t)}” form a cycle` };
      seen.add(p);
    }
  }
  return undefined;
}
