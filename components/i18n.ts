// UI strings come from _locales (Chinese first, English second) through the browser's own i18n.
import { browser } from '#imports';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions as never) || key;
}
