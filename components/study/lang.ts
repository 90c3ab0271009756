// Study mode's data carries its names in both languages (study/labels.ts); the panel shows the one its locale
// speaks (uiLang in ../i18n).
import type { LocalizedText } from '../../study/types';
import type { Lang } from '../i18n';

export type { Lang };

export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.zh;
}
