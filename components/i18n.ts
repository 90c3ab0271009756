// UI strings come from _locales (Chinese first, English second) through the browser's own i18n.
import { browser } from '#imports';
import type { Lang } from '../exchange/export-context';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions as never) || key;
}

export type { Lang };

/** The language the UI speaks, read from the locale files themselves so that it always agrees with t(). */
export function uiLang(): Lang {
  return t('uiLang') === 'en' ? 'en' : 'zh';
}
