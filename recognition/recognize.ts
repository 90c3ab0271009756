// Everything the recognisers find in a text, in one sorted, non-overlapping list. Where two kinds claim the
// same characters the more specific wins: a document number over a date (国家税务总局公告2026年第6号 holds
// 2026年) and a date over a figure (8月23日 holds 23日), so digits inside a number or a date never show up
// as figures.

import type { DateMatch, DocNumberMatch, FigureMatch, Match } from './types';
import { recognizeDocNumbers } from './docno';
import { recognizeDates } from './dates';
import { recognizeFigures } from './figures';

export { recognizeDocNumbers, recognizeDates, recognizeFigures };

export function recognize(text: string): Match[] {
  const docNumbers: DocNumberMatch[] = recognizeDocNumbers(text);
  const dates: DateMatch[] = withoutOverlaps(recognizeDates(text), docNumbers);
  const taken = mergeByStart<Match>(docNumbers, dates);
  const figures: FigureMatch[] = withoutOverlaps(recognizeFigures(text), taken);
  return mergeByStart<Match>(taken, figures);
}

/** The items that overlap none of the blockers; both lists sorted by start and free of inner overlaps. */
function withoutOverlaps<T extends Match>(items: T[], blockers: readonly Match[]): T[] {
  const kept: T[] = [];
  let b = 0;
  for (const item of items) {
    while (b < blockers.length && blockers[b].end <= item.start) b++;
    if (b < blockers.length && blockers[b].start < item.end) continue;
    kept.push(item);
  }
  return kept;
}

function mergeByStart<T extends Match>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
