// An error as the UI says it: errors that carry both languages (StorageError, TaxonomyError, a RemoteError that
// came from one) in the UI's language only; any other by its message.
import { uiLang } from './i18n';

export function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { zh?: unknown }).zh === 'string' && typeof (error as { en?: unknown }).en === 'string') {
    const { zh, en } = error as { zh: string; en: string };
    return uiLang() === 'en' ? en : zh;
  }
  return error instanceof Error ? error.message : String(error);
}
