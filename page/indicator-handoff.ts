// The indicator namer, handed from its own script to the content script. Naming (indicators/) would add 15 KB to
// the content script, which runs on every page (measured: 115 of its 120 KB budget, against 100 without), for
// what only a reader who hovers a figure or opens the side panel uses; so it lives in a script of its own
// (entrypoints/indicators.content.ts), injected into a tab by the background the first time a card or a panel
// asks for a figure's indicator there (a few milliseconds, once per page). Both scripts run in the extension's isolated world of the page, whose
// global object the page cannot see: the handoff is a property on it, as for study mode's scan.
import type { nameFigures } from '../indicators/page-indicators';

const KEY = '__pizhuNameFigures';

export type FigureNamer = typeof nameFigures;

type Holder = Record<typeof KEY, FigureNamer | undefined>;

/** Called by the injected script. */
export function publishNamer(namer: FigureNamer): void {
  (globalThis as unknown as Holder)[KEY] = namer;
}

/** The namer once its script has run in this world; undefined before. */
export function publishedNamer(): FigureNamer | undefined {
  return (globalThis as unknown as Holder)[KEY];
}
