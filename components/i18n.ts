// UI strings come from _locales (Chinese first, English second) through the browser's own i18n.
import { browser } from '#imports';
import type { Lang } from '../exchange/export-context';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions as never) || key;
}

export type { Lang };

/** A message about n things: `<key>One` when n is 1 (English has a singular; the Chinese file gives both keys one
 * text), n written for the reader as $1 and `subs` after it. */
export function tn(key: string, n: number, subs: (string | number)[] = []): string {
  return t(n === 1 ? `${key}One` : key, [n.toLocaleString(), ...subs.map(String)]);
}

/** The language the UI speaks, read from the locale files themselves so that it always agrees with t(). */
export function uiLang(): Lang {
  return t('uiLang') === 'en' ? 'en' : 'zh';
}

/** Text that comes in both languages (errors from storage, the background and file checks), in the UI's only. */
export function inUiLang(text: { zh: string; en: string }, lang: Lang = uiLang()): string {
  return text[lang] || text.zh || text.en;
}

/** An error as the user reads it, in the UI's language: Pizhu's errors carry zh and en (RemoteError,
 * StorageError, ImportFileError, TaxonomyError); anything else says what it says. */
export function errorText(error: unknown, lang: Lang = uiLang()): string {
  if (typeof error === 'object' && error !== null) {
    const { zh, en } = error as { zh?: unknown; en?: unknown };
    if (typeof zh === 'string' && typeof en === 'string') return inUiLang({ zh, en }, lang);
  }
  return error instanceof Error ? error.message : String(error);
}
