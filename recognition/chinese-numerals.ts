// Chinese numerals as they appear in serials (主席令第三十二号) and in dates written out in full
// (二〇一八年八月七日). Quantities in Chinese numerals are deliberately not recognised as figures.

import { CharSet } from './chars';

const DIGIT_VALUES = new Map<string, number>([
  ['〇', 0], ['零', 0], ['○', 0], ['Ｏ', 0], ['一', 1], ['二', 2], ['两', 2], ['兩', 2], ['三', 3], ['四', 4], ['五', 5],
  ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const UNIT_VALUES = new Map<string, number>([['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000]]);

export const CHINESE_DIGITS = new CharSet([...DIGIT_VALUES.keys()].join(''));
export const CHINESE_ZEROS = '〇零○Ｏ';
export const CHINESE_NUMERALS = new CharSet([...DIGIT_VALUES.keys(), ...UNIT_VALUES.keys()].join(''));

/**
 * Value of a Chinese numeral below 10 000: 三十二 → 32, 十一 → 11, 一百零五 → 105, and digit strings written
 * positionally (二〇一八 → 2018). NaN when the string is not a well-formed numeral.
 */
export function chineseNumeralValue(s: string): number {
  if (!s) return NaN;
  const chars = Array.from(s);
  if (chars.every((ch) => DIGIT_VALUES.has(ch))) {
    return chars.reduce((v, ch) => v * 10 + (DIGIT_VALUES.get(ch) ?? 0), 0);
  }
  let total = 0;
  let pending = -1;
  let lastUnit = Infinity;
  for (const ch of chars) {
    const digit = DIGIT_VALUES.get(ch);
    if (digit !== undefined) {
      if (pending >= 0 && digit !== 0) return NaN;
      pending = digit === 0 ? -1 : digit;
      continue;
    }
    const unit = UNIT_VALUES.get(ch);
    if (unit === undefined || unit >= lastUnit) return NaN;
    total += (pending < 0 ? 1 : pending) * unit;
    pending = -1;
    lastUnit = unit;
  }
  return total + (pending < 0 ? 0 : pending);
}
