// When a file brings another version of an annotation that is already here, the user decides, one by one or for
// all at once, which survives: mine (the stored version stays, the file's is not written), theirs (the file's
// replaces it) or both (the file's is stored under a new id beside mine, so that neither is lost). Until the user
// says otherwise each goes to the newer edit by `modified`, so that the default never loses the newer edit; when
// neither is newer, mine stays (nothing says the file's is an edit of it rather than an older copy).
// Decisions are a shortcut for all plus the exceptions made one by one, so that "all mine" over 100,000 changed
// annotations is one assignment, and a choice made on one page of the list holds for that annotation only.
import type { AnnotationRecord } from '../model';
import { newUuidIri } from '../model';
import { sameContent } from './import-diff';

export type Choice = 'mine' | 'theirs' | 'both';
export const CHOICES: readonly Choice[] = ['mine', 'theirs', 'both'];

export interface Conflict {
  id: string;
  /** The version stored here. */
  mine: AnnotationRecord;
  /** The file's version, credited to the coder it has here when the file names nobody (as the write credits it). */
  theirs: AnnotationRecord;
  /** The default: the newer edit's side. */
  newer: Choice;
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
}

/** The two versions of one annotation, as the preview shows them. */
export function toConflict(mine: AnnotationRecord, inFile: AnnotationRecord): Conflict {
  const theirs = !inFile.creator && mine.creator ? { ...inFile, creator: mine.creator } : inFile;
  return { id: mine.id, mine, theirs, newer: time(theirs.modified) > time(mine.modified) ? 'theirs' : 'mine' };
}

/** "Newer" is the default shortcut; the others set every annotation to one choice. */
export type Shortcut = 'newer' | Choice;

export interface Decisions {
  all: Shortcut;
  /** Choices made one by one since the last shortcut. */
  one: ReadonlyMap<string, Choice>;
}

export const BY_NEWER: Decisions = { all: 'newer', one: new Map() };

export function decideAll(all: Shortcut): Decisions {
  return { all, one: new Map() };
}

export function decideOne(decisions: Decisions, id: string, choice: Choice): Decisions {
  const one = new Map(decisions.one);
  one.set(id, choice);
  return { all: decisions.all, one };
}

export function choiceOf(decisions: Decisions, conflict: Conflict): Choice {
  const chosen = decisions.one.get(conflict.id);
  if (chosen) return chosen;
  return decisions.all === 'newer' ? conflict.newer : decisions.all;
}

/** How many annotations go each way. */
export function tally(decisions: Decisions, conflicts: readonly Conflict[]): Record<Choice, number> {
  const counts: Record<Choice, number> = { mine: 0, theirs: 0, both: 0 };
  for (const c of conflicts) counts[choiceOf(decisions, c)]++;
  return counts;
}

/** Every conflict's choice, by id, for the write. */
export function choicesById(decisions: Decisions, conflicts: readonly Conflict[]): Map<string, Choice> {
  return new Map(conflicts.map((c) => [c.id, choiceOf(decisions, c)]));
}

/**
 * Which of what the preview shows differ; `other` is what it does not show (position, page, created, a field added to
 * the model later). Not the parts kept from another tool's file (`foreign`): they hold the shown fields again in the
 * file's own form (its bodies, its creator), so an edited note differs there too and would always count as other.
 */
export interface Differences {
  quote: boolean;
  terms: boolean;
  note: boolean;
  creator: boolean;
  modified: boolean;
  other: boolean;
}

export function differences({ mine, theirs }: Conflict): Differences {
  const shown = { quote: undefined, terms: undefined, note: undefined, creator: undefined, modified: undefined, foreign: undefined };
  return {
    quote: !sameContent(mine.quote, theirs.quote),
    terms: !sameContent(mine.terms, theirs.terms),
    note: mine.note !== theirs.note,
    creator: !sameContent(mine.creator, theirs.creator),
    modified: mine.modified !== theirs.modified,
    other: !sameContent({ ...mine, ...shown }, { ...theirs, ...shown }),
  };
}

export interface Resolved {
  /** What to write: new annotations, the file's versions taken, and the copies kept beside mine. */
  records: AnnotationRecord[];
  /** Stored versions kept instead of the file's. */
  kept: number;
  /** The file's versions stored under a new id. */
  copies: number;
}

/**
 * Applies the choices to the file's annotations (those not stored unchanged): an annotation without a choice is new
 * or taken as the file has it; mine leaves it out; both gives the file's version a new id and keeps its content.
 */
export function resolve(
  records: readonly AnnotationRecord[],
  choices: ReadonlyMap<string, Choice> | undefined,
  newId: () => string = newUuidIri,
): Resolved {
  if (!choices?.size) return { records: [...records], kept: 0, copies: 0 };
  const out: AnnotationRecord[] = [];
  let kept = 0;
  let copies = 0;
  for (const r of records) {
    const choice = choices.get(r.id);
    if (choice === 'mine') kept++;
    else if (choice === 'both') {
      copies++;
      out.push({ ...r, id: newId() });
    } else out.push(r);
  }
  return { records: out, kept, copies };
}
