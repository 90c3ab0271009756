// A taxonomy together with its terms: the unit the editing operations, the merge and the file formats work on.
// Operations never mutate a state; they return a new one in which every term they did not change is the very same
// object as before, which is how the repositories know which rows to write (touchedTerms).
import type { LocalizedText, Taxonomy, Term } from '../model';
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

/** A term's children (or a scheme's top-level terms when parent is undefined), in their order. */
export function siblings(terms: readonly Term[], scheme: string, parent: string | undefined): Term[] {
  return terms
    .filter((term) => term.scheme === scheme && term.parent === parent)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function descendantIds(terms: readonly Term[], id: string): Set<string> {
  const found = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const term of terms) {
      if (term.parent === current && !found.has(term.id)) {
        found.add(term.id);
        stack.push(term.id);
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
  for (const term of terms) {
    if (typeof term.id !== 'string' || term.id === '') return { zh: '有术语缺少 id', en: 'A term has no id' };
    if (byId.has(term.id)) return { zh: `术语 id 重复：${term.id}`, en: `Duplicate term id: ${term.id}` };
    byId.set(term.id, term);
  }
  const shortcuts = new Map<string, Term>();
  for (const term of terms) {
    if (!term.label || typeof term.label.zh !== 'string' || typeof term.label.en !== 'string' || !(term.label.zh || term.label.en).trim())
      return { zh: `术语 ${term.id} 没有名称`, en: `Term ${term.id} has no label` };
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
  for (const term of terms) {
    const seen = new Set([term.id]);
    for (let p = term.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (seen.has(p))
        return { zh: `术语“${describe(term)}”的上级关系形成了循环`, en: `The parents of term “${describe(term)}” form a cycle` };
      seen.add(p);
    }
  }
  return undefined;
}
