// Study mode's data carries its names in both languages (study/labels.ts); the panel shows the one its locale
// speaks. The choice comes from the locale files themselves (key studyLang), so it always agrees with t().
import type { LocalizedText } from '../../study/types';
import { t } from '../i18n';

export type Lang = 'zh' | 'en';

export function uiLang(): Lang {
  return t('studyLang') === 'en' ? 'en' : 'zh';
}

export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.zh;
}
