// How a figure's indicator and normalised value read in the card and the side panel's list (both languages).
import type { Bound, IndicatorValue } from '../indicators/value';
import { t } from './i18n';

/** 2万余份 → "20,000 份"; 48.6% → "48.6%". */
export function normalisedValue(value: IndicatorValue): string {
  const number = value.value.toLocaleString(t('uiLang') === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 6 });
  return value.unit === '%' ? `${number}%` : `${number} ${value.unit}`;
}

/** The bound as a word (多于 / more than), '' for an exact figure. */
export function boundLabel(bound: Bound): string {
  return bound === 'exact' ? '' : t(`indicatorBound_${bound}`);
}
