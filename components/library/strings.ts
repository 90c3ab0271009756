// The library page's UI strings: keys `library…` in public/_locales/{zh_CN,en}/messages.json.
import { t, tn } from '../i18n';

export function L(name: string, subs?: string | (string | number)[]): string {
  return t(`library${name}`, Array.isArray(subs) ? subs.map(String) : subs);
}

/** A library message about n things: `library<key>One` when n is 1 (tn). */
export function Ln(key: string, n: number, subs: (string | number)[] = []): string {
  return tn(`library${key}`, n, subs);
}

/** Messages of StorageError, TaxonomyError and ImportFileError come in both languages; ErrorMessage shows the
 * UI's. */
export interface Bilingual {
  zh: string;
  en: string;
  details?: string[];
}

export function bilingual(error: unknown): Bilingual {
  if (typeof error === 'object' && error !== null && 'zh' in error && 'en' in error) {
    const e = error as { zh: string; en: string; details?: string[] };
    return { zh: e.zh, en: e.en, details: e.details };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { zh: `出现意外错误：${message}`, en: `An unexpected error occurred: ${message}` };
}
