// The indicators of a whole page's figures, named in slices with pauses between them: a megabyte report holds
// some 20,000 figures, and naming them in one run (~10 µs each, more on a busy machine) would hold the page's
// main thread for most of a second. What the card, the side panel, the page's export and the library show.
//
// Naming looks no further than a figure's sentence (its clause, what the sentence counted before it), so a
// slice cut at a sentence end between two figures names every figure as one run over the whole text would.
// A text that holds thousands of figures in one sentence (no real report does) is cut anyway after
// MAX_SLICE figures, at a clause end if there is one: there, a name may differ from the one-run name.

import type { FigureMatch } from '../recognition/types';
import { nameIndicators, type Indicator } from './naming';
import { indicatorValue, type IndicatorValue } from './value';

export interface FigureIndicator {
  /** What the figure counts (办理行政复议案件), or null where its clause names nothing. */
  name: Indicator | null;
  value: IndicatorValue;
}

/** Figures per slice: about a millisecond of work each on a quiet machine. */
const SLICE = 200;
const MAX_SLICE = 8 * SLICE;
const SENTENCE_ENDS = /[；;。！？!?\n\r]/;
const CLAUSE_ENDS = /[，,；;。！？!?：:\n\r]/;

/** Where the gap between figures[i - 1] and figures[i] holds a character of `ends`: the index after it, else -1. */
function cutBefore(text: string, figures: readonly FigureMatch[], i: number, ends: RegExp): number {
  const from = figures[i - 1].end + figures[i - 1].after.length;
  for (let at = figures[i].start - 1; at >= from; at--) if (ends.test(text[at])) return at + 1;
  return -1;
}

/**
 * The indicator and normalised value of each figure (sorted by start, as the recognisers give them), in the
 * same order. `pause` is awaited between slices (the content script's budgeted pause, the library's yield).
 */
export async function nameFigures(
  text: string,
  figures: readonly FigureMatch[],
  pause: () => Promise<void> | void = () => {},
): Promise<FigureIndicator[]> {
  const out: FigureIndicator[] = [];
  let first = 0;
  let from = 0;
  while (first < figures.length) {
    let next = figures.length;
    let to = text.length;
    for (let i = first + SLICE; i < figures.length; i++) {
      const cut = cutBefore(text, figures, i, i - first < MAX_SLICE ? SENTENCE_ENDS : CLAUSE_ENDS);
      if (cut >= 0 || i - first >= 2 * MAX_SLICE) {
        next = i;
        to = cut >= 0 ? cut : figures[i].start;
        break;
      }
    }
    const slice = figures.slice(first, next).map((f) => ({ ...f, start: f.start - from, end: f.end - from }));
    const names = nameIndicators(text.slice(from, to), slice);
    for (let i = first; i < next; i++) out.push({ name: names[i - first], value: indicatorValue(figures[i]) });
    first = next;
    from = to;
    if (first < figures.length) await pause();
  }
  return out;
}
