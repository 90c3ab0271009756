// The user's switches: which categories are highlighted, the sites Pizhu stays off on, and the pages it misjudged.
import type { PageKind } from './page';

export type Category = 'docno' | 'figure' | 'date';

/** Which categories are shown. */
export type CategorySwitches = Record<Category, boolean>;

/** Whose annotations a page draws, in a team: this coder's only, everyone's, or the chosen coders' (by IRI). */
export interface CoderDisplay {
  show: 'mine' | 'everyone' | 'chosen';
  chosen: string[];
}

export interface Settings {
  categories: CategorySwitches;
  /** Hosts on which Pizhu stays off entirely. */
  disabledSites: string[];
  /**
   * Pages the reader says Pizhu misjudged, by normalised URL: read as this kind whatever the classifier says.
   * Absent in settings stored before it existed.
   */
  pageKinds?: Record<string, PageKind>;
  /** Absent in settings stored before teams: everyone's. */
  coders?: CoderDisplay;
}

export const DEFAULT_CODER_DISPLAY: CoderDisplay = { show: 'everyone', chosen: [] };

export const DEFAULT_SETTINGS: Settings = {
  categories: { docno: true, figure: true, date: true },
  disabledSites: [],
  pageKinds: {},
  coders: DEFAULT_CODER_DISPLAY,
};

/** Whether an annotation by `creator` (an IRI; undefined for one that names nobody) is drawn for coder `me`. */
export function showsCoder(display: CoderDisplay | undefined, me: string | undefined, creator: string | undefined): boolean {
  const { show, chosen } = display ?? DEFAULT_CODER_DISPLAY;
  const mine = creator === undefined || creator === me;
  if (show === 'everyone' || mine) return true;
  return show === 'chosen' && chosen.includes(creator);
}

/** How many pages' kinds are remembered; the oldest go first. */
export const MAX_PAGE_KINDS = 1000;

/** The kind the reader set for the page at this normalised URL, if any. */
export function pageKindOf(settings: Settings, url: string): PageKind | undefined {
  return settings.pageKinds?.[url];
}

/** Settings with the page's kind set by the reader (or given back to the classifier: null). */
export function withPageKind(settings: Settings, url: string, kind: PageKind | null): Settings {
  const rest = Object.entries(settings.pageKinds ?? {}).filter(([u]) => u !== url);
  const kept = kind ? [...rest, [url, kind] as const] : rest;
  return { ...settings, pageKinds: Object.fromEntries(kept.slice(-MAX_PAGE_KINDS)) };
}

export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.includes(host);
}
