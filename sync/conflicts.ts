// Concurrent revisions of one document, and how they are settled. Annotations and terms are the team's judgement:
// both versions are shown and the user keeps one or merges them. A page record is what recognition read from a
// page, not anyone's judgement: its versions differ only by when each coder first stored the page's text, and they
// are settled the same way on every machine, without asking, by keeping the earliest text.
import type { AnnotationRecord } from '../model';
import type { DocKind, PageData } from './documents';

/** How the user settles a conflict: keep one of the versions (by revision), or merge them all (annotations). */
export type Resolution = { keep: string } | { merge: true };

/** Kinds whose conflicts the user settles; the others are settled by settleAutomatically. */
export function askUser(kind: DocKind): boolean {
  return kind === 'annotation' || kind === 'term' || kind === 'taxonomy';
}

export function canMerge(kind: DocKind): boolean {
  return kind === 'annotation';
}

/**
 * Every version's terms (in the first version's order, then the others' new ones) and every different note, the
 * passage and the coder of the first (the winning) version.
 */
export function mergeAnnotations(versions: readonly AnnotationRecord[], now: string): AnnotationRecord {
  const [first] = versions;
  const terms: string[] = [];
  const notes: string[] = [];
  for (const v of versions) {
    for (const term of v.terms) if (!terms.includes(term)) terms.push(term);
    const note = v.note.trim();
    if (note && !notes.includes(note)) notes.push(note);
  }
  return { ...first, terms, note: notes.join('\n\n'), modified: now };
}

/**
 * The page version every machine keeps: the one whose text was stored first (the text the team's first annotation
 * was made on), then by revision, so that all machines pick the same one from the same versions.
 */
export function settlePage(versions: readonly { rev: string; data: PageData }[]): { rev: string; data: PageData } {
  const order = (v: { rev: string; data: PageData }) => `${v.data.snapshotAt ?? '\uffff'}\u0000${v.rev}`;
  return [...versions].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))[0];
}
