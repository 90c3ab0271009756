// What the library's table does to annotations (a row's edit and delete, the selection's delete and terms): each is
// one write through the AnnotationService, and returns what changed (for the rows in memory), the pages it touched
// (so that a tab showing one redraws) and the undo, which puts every record back as it was.
import type { AnnotationRecord } from '../model';
import type { AnnotationService } from '../storage/annotation-service';

export interface AnnotationChange {
  put: AnnotationRecord[];
  removed: string[];
}

export interface ActionOutcome {
  /** How many annotations changed; 0 when there was nothing to do (every row had the term already…). */
  count: number;
  change: AnnotationChange;
  /** The pages (normalised URLs) whose annotations changed. */
  pages: string[];
  /** Puts every changed record back as it was; the change that makes to the rows. */
  undo: () => Promise<AnnotationChange>;
}

type Service = Pick<AnnotationService, 'deleteMany' | 'restoreMany' | 'edit' | 'retag'>;

const pagesOf = (records: readonly AnnotationRecord[]) => [...new Set(records.map((r) => r.pageUrl))];

export async function deleteAnnotations(service: Service, ids: readonly string[]): Promise<ActionOutcome> {
  const deleted = await service.deleteMany(ids);
  return {
    count: deleted.length,
    change: { put: [], removed: deleted.map((r) => r.id) },
    pages: pagesOf(deleted),
    undo: async () => {
      await service.restoreMany(deleted);
      return { put: deleted, removed: [] };
    },
  };
}

/** `after` were written over `before`: undo writes `before` back. */
function rewritten(service: Service, { before, after }: { before: AnnotationRecord[]; after: AnnotationRecord[] }): ActionOutcome {
  return {
    count: after.length,
    change: { put: after, removed: [] },
    pages: pagesOf(after),
    undo: async () => {
      await service.restoreMany(before);
      return { put: before, removed: [] };
    },
  };
}

export async function editAnnotation(service: Service, id: string, change: { terms: string[]; note: string }): Promise<ActionOutcome> {
  return rewritten(service, await service.edit(id, change));
}

export async function retagAnnotations(service: Service, ids: readonly string[], change: { add?: string; remove?: string }): Promise<ActionOutcome> {
  return rewritten(service, await service.retag(ids, change));
}
