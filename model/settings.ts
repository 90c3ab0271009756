// The user's switches: which categories are highlighted, and the sites Pizhu stays off on.

export type Category = 'docno' | 'figure' | 'date';

/** Which categories are shown. */
export type CategorySwitches = Record<Category, boolean>;

export interface Settings {
  categories: CategorySwitches;
  /** Hosts on which Pizhu stays off entirely. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  categories: { docno: true, figure: true, date: true },
  disabledSites: [],
};

export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.includes(host);
}
