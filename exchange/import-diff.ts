// Before an import is applied, the user is told what it would do: how many annotations are new, how many are
// already here unchanged, and how many would overwrite a different version of the same annotation. A file that does
// not say who made an annotation says nothing against the coder it was credited to here, so that a colleague's file
// imported a second time comes back unchanged.
import type { Agent, AnnotationRecord } from '../model';

export interface ImportDiff {
  new: number;
  unchanged: number;
  changed: number;
  /** Ids of the annotations that exist here in another version, for a closer look. */
  changedIds: string[];
  /** Ids of the annotations stored exactly as the file has them: an import need not write them again. */
  unchangedIds: string[];
  /** Who the annotations the file credits to nobody were credited to here, by id: they keep that coder. */
  credited: Map<string, Agent>;
}

// Field by field over whatever the record holds, so that a field added to the model later is compared too.
// A key set to undefined counts as absent, as it does once stored.
function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameContent(ra[k], rb[k])) return false;
  return true;
}

export function diffImport(
  incoming: Iterable<AnnotationRecord>,
  existingById: ReadonlyMap<string, AnnotationRecord>,
): ImportDiff {
  const diff: ImportDiff = { new: 0, unchanged: 0, changed: 0, changedIds: [], unchangedIds: [], credited: new Map() };
  for (const a of incoming) {
    const existing = existingById.get(a.id);
    if (!existing) {
      diff.new++;
      continue;
    }
    if (!a.creator && existing.creator) diff.credited.set(a.id, existing.creator);
    if (sameContent(a.creator ? a : { ...a, creator: existing.creator }, existing)) {
      diff.unchanged++;
      diff.unchangedIds.push(a.id);
    } else {
      diff.changed++;
      diff.changedIds.push(a.id);
    }
  }
  return diff;
}
