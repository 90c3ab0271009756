// The indicators of the page's figures, for the card, the side panel's list and the page's export: named once
// per page, when first asked, by the namer the background injects (page/indicator-handoff.ts), in slices with
// pauses (nothing of it runs during the scan).
import type { FigureIndicator } from '../indicators/page-indicators';
import { background } from '../messaging';
import type { FigureMatch, Match } from '../recognition/types';
import { publishedNamer } from './indicator-handoff';

/** By match index: a figure's indicator and normalised value; undefined for the other matches. */
export type MatchIndicators = ReadonlyArray<FigureIndicator | undefined>;

export async function nameMatches(text: string, matches: readonly Match[], pause: () => Promise<void>): Promise<MatchIndicators> {
  if (!publishedNamer()) await background.send('indicators:load');
  const namer = publishedNamer();
  if (!namer) throw new Error('the indicator namer did not load');
  const at: number[] = [];
  const figures: FigureMatch[] = [];
  matches.forEach((m, i) => {
    if (m.category !== 'figure') return;
    at.push(i);
    figures.push(m);
  });
  const named = await namer(text, figures, pause);
  const out: Array<FigureIndicator | undefined> = new Array(matches.length);
  at.forEach((i, k) => (out[i] = named[k]));
  return out;
}
