// The user's switches, kept in extension storage (small, synced to every tab as it changes).
import { storage } from '#imports';
import type { CategorySwitches } from '../recognition/types';

export interface Settings {
  categories: CategorySwitches;
  /** Hosts on which Pizhu stays off entirely. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  categories: { docno: true, figure: true, date: true },
  disabledSites: [],
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.includes(host);
}

export async function setSiteDisabled(host: string, disabled: boolean): Promise<void> {
  const settings = await settingsItem.getValue();
  const others = settings.disabledSites.filter((h) => h !== host);
  await settingsItem.setValue({ ...settings, disabledSites: disabled ? [...others, host] : others });
}

export async function setCategory(category: keyof CategorySwitches, on: boolean): Promise<void> {
  const settings = await settingsItem.getValue();
  await settingsItem.setValue({ ...settings, categories: { ...settings.categories, [category]: on } });
}
