// The user's switches (model/settings.ts), kept in extension storage. Content scripts get them from the background.
import { storage } from '#imports';
import { DEFAULT_SETTINGS, withPageKind, type CategorySwitches, type PageKind, type Settings } from '../model';

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function setSiteDisabled(host: string, disabled: boolean): Promise<void> {
  const settings = await settingsItem.getValue();
  const others = settings.disabledSites.filter((h) => h !== host);
  await settingsItem.setValue({ ...settings, disabledSites: disabled ? [...others, host] : others });
}

export async function setCategory(category: keyof CategorySwitches, on: boolean): Promise<void> {
  const settings = await settingsItem.getValue();
  await settingsItem.setValue({ ...settings, categories: { ...settings.categories, [category]: on } });
}

/** Reads the page at this normalised URL as `kind` from now on (null: as the classifier judges it). */
export async function setPageKind(url: string, kind: PageKind | null): Promise<void> {
  await settingsItem.setValue(withPageKind(await settingsItem.getValue(), url, kind));
}
