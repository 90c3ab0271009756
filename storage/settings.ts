// The user's switches (model/settings.ts), kept in extension storage. Content scripts get them from the background.
import { storage } from '#imports';
import { DEFAULT_SETTINGS, type CategorySwitches, type Settings } from '../model';

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
