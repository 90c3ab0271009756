// How a figure's indicator and normalised value read in the card, the side panel's list and the library's
// Indicators view (both languages).
import type { Bound, IndicatorValue } from '../indicators/value';
import { uiLang, t } from './i18n';

/** Grouped, with as many decimals as the report gave (at most six): 22,432; 48.6. */
export function formatNumber(value: number): string {
  return value.toLocaleString(uiLang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 6 });
}

/** 22,432 条; 48.6%. */
export function valueWithUnit(value: number, unit: string): string {
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/** 2万余份 → "20,000 份"; 48.6% → "48.6%". */
export function normalisedValue(value: IndicatorValue): string {
  return valueWithUnit(value.value, value.unit);
}

/** The bound as a word (多于 / more than), '' for an exact figure. */
export function boundLabel(bound: Bound): string {
  return bound === 'exact' ? '' : t(`indicatorBound_${bound}`);
}
