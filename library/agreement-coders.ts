// Whom the Agreement view offers to compare, and what it chooses by default: every coder of the library except the
// consensus coders of earlier adjudications (a consensus coder copies the coders it reconciles, so counting it
// with them would inflate their agreement). A consensus coder is known by its IRI: the name-based UUID of the
// coders it reconciles (agreement/coders.ts consensusCoderId), checked against every pair of the other coders and
// against all of them together — which finds it also in a library it came to by import or sync.
import { codersIn, consensusCoderId, pagesCodedBy, type CoderSummary } from '../agreement';
import type { AnnotationRecord } from '../model';

export interface CoderOption extends CoderSummary {
  /** The consensus coder of an adjudication of some of the others. */
  consensus: boolean;
}

// Pairs grow with the square of the coders: beyond this many, only "all the others" is checked.
const PAIR_CHECK_LIMIT = 40;

export async function coderOptions(annotations: Iterable<AnnotationRecord>): Promise<CoderOption[]> {
  const coders = codersIn(annotations);
  const consensus = new Set<string>();
  const ids = coders.map((c) => c.id);
  const present = new Set(ids);
  const mark = async (group: string[]) => {
    if (group.length < 2) return;
    const id = await consensusCoderId(group);
    if (present.has(id)) consensus.add(id);
  };
  if (coders.length <= PAIR_CHECK_LIMIT) {
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) await mark([ids[i], ids[j]]);
  }
  for (const id of ids) await mark(ids.filter((x) => x !== id));
  return coders.map((c) => ({ ...c, consensus: consensus.has(c.id) }));
}

/** The coders chosen when the user has chosen none: everyone but the consensus coders. */
export function defaultCoderIds(options: readonly CoderOption[]): string[] {
  return options.filter((c) => !c.consensus).map((c) => c.id);
}

/** The pages chosen when the user has chosen none: those two or more of the chosen coders both coded. */
export function defaultPages(annotations: Iterable<AnnotationRecord>, coderIds: readonly string[]): string[] {
  return pagesCodedBy(annotations, coderIds, 2);
}
