// The user's switches: which categories are highlighted, and the sites Pizhu stays off on.

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
  /** Absent in settings stored before teams: everyone's. */
  coders?: CoderDisplay;
}

export const DEFAULT_CODER_DISPLAY: CoderDisplay = { show: 'everyone', chosen: [] };

export const DEFAULT_SETTINGS: Settings = {
  categories: { docno: true, figure: true, date: true },
  disabledSites: [],
  coders: DEFAULT_CODER_DISPLAY,
};

/** Whether an annotation by `creator` (an IRI; undefined for one that names nobody) is drawn for coder `me`. */
export function showsCoder(display: CoderDisplay | undefined, me: string | undefined, creator: string | undefined): boolean {
  const { show, chosen } = display ?? DEFAULT_CODER_DISPLAY;
  const mine = creator === undefined || creator === me;
  if (show === 'everyone' || mine) return true;
  return show === 'chosen' && chosen.includes(creator);
}

export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.includes(host);
}
