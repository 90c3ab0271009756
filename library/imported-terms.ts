// Terms an annotation file brings that the database does not know go into one "imported" group (scheme) of the
// current taxonomy, each labelled as the file labels it, so that every annotation's terms have a name and a colour
// here and the user can later move or merge them in the taxonomy editor. Nothing in the file is dropped: a term
// whose parent is not imported with it becomes a top-level term of the group; a colour that is not #rrggbb is
// replaced; a shortcut already in use is left off (the term itself stays).
import type { ImportedTerm } from '../exchange/jsonld-import';
import type { Scheme, Term } from '../model';
import { ColourPicker, normaliseColour } from '../taxonomy/palette';
import { importedSchemeId } from '../taxonomy/refi-qda';
import { bumpVersion, findProblem, type TaxonomyState } from '../taxonomy/state';

export const IMPORTED_GROUP_LABEL = { zh: '导入的编码', en: 'Imported terms' } as const;

/**
 * The change to store: the taxonomy (with the imported group added when missing, version bumped) and only the new
 * terms; undefined when every term of the file is known already.
 */
export function planImportedTerms(
  current: TaxonomyState,
  knownIds: ReadonlySet<string>,
  incoming: readonly ImportedTerm[],
  now = new Date(),
): TaxonomyState | undefined {
  const fresh = incoming.filter((t) => !knownIds.has(t.id));
  if (fresh.length === 0) return undefined;
  const taxonomyId = current.taxonomy.id;
  const scheme = importedSchemeId(taxonomyId);
  const schemes: Scheme[] = current.taxonomy.schemes.some((s) => s.id === scheme)
    ? current.taxonomy.schemes
    : [...current.taxonomy.schemes, { id: scheme, label: { ...IMPORTED_GROUP_LABEL }, order: current.taxonomy.schemes.length }];

  const freshIds = new Set(fresh.map((t) => t.id));
  const shortcuts = new Set(current.terms.filter((t) => !t.retired && t.shortcut).map((t) => t.shortcut));
  // Order among siblings: existing terms of the group first, new ones after them in file order.
  const siblingCount = new Map<string, number>();
  for (const t of current.terms) {
    if (t.scheme === scheme) siblingCount.set(t.parent ?? '', (siblingCount.get(t.parent ?? '') ?? 0) + 1);
  }
  const build = (keepParents: boolean): Term[] => {
    // One picker for the whole file: each new term costs the same whatever the number of terms before it.
    const colours = new ColourPicker(current.terms.filter((t) => !t.retired).map((t) => t.color));
    return fresh.map((t, i) => {
      const parent = keepParents && t.parent && freshIds.has(t.parent) && t.parent !== t.id ? t.parent : undefined;
      const slot = parent ?? '';
      const order = siblingCount.get(slot) ?? 0;
      siblingCount.set(slot, order + 1);
      const given = t.color && normaliseColour(t.color);
      if (given) colours.use(given);
      const color = given || colours.next();
      const label = { zh: t.label.zh || t.label.en || t.id, en: t.label.en || t.label.zh || t.id };
      const term: Term = {
        id: t.id,
        taxonomyId,
        scheme,
        notation: t.notation?.trim() || `I${i + 1}`,
        label,
        color,
        order,
        ...(parent ? { parent } : {}),
        ...(t.scopeNote ? { scopeNote: t.scopeNote } : {}),
        ...(t.retired ? { retired: true } : {}),
      };
      if (t.shortcut && [...t.shortcut].length === 1 && !t.retired && !shortcuts.has(t.shortcut)) {
        term.shortcut = t.shortcut;
        shortcuts.add(t.shortcut);
      }
      return term;
    });
  };

  const taxonomy = bumpVersion({ ...current.taxonomy, schemes }, now);
  let terms = build(true);
  // A file whose parents form a loop: flatten the group rather than refuse the annotations.
  if (findProblem({ taxonomy, terms: [...current.terms, ...terms] })) {
    siblingCount.clear();
    for (const t of current.terms) {
      if (t.scheme === scheme) siblingCount.set(t.parent ?? '', (siblingCount.get(t.parent ?? '') ?? 0) + 1);
    }
    terms = build(false);
  }
  return { taxonomy, terms };
}
