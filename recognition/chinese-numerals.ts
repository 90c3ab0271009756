// Chinese numerals as they appear in serials (主席令第三十二号) and in dates written out in full
// (二〇一八年八月七日). Quantities in Chinese numerals are deliberately not recognised as figures.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export function isChineseDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch in DIGITS;
}

export function isChineseNumeral(ch: string | undefined): boolean {
  return ch !== undefined && (ch in DIGITS || ch in UNITS);
}

/**
 * Value of a Chinese numeral below 10 000: 三十二 → 32, 十一 → 11, 一百零五 → 105, and digit strings written
 * positionally (二〇一八 → 2018). NaN when the string is not a well-formed numeral.
 */
export function chineseNumeralValue(s: string): number {
  if (!s) return NaN;
  let positional = true;
  for (const ch of s) if (!(ch in DIGITS)) positional = false;
  if (positional) {
    let v = 0;
    for (const ch of s) v = v * 10 + DIGITS[ch];
    return v;
  }
  let total = 0;
  let pending = -1;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (pending >= 0 && DIGITS[ch] !== 0) return NaN;
      pending = DIGITS[ch] === 0 ? -1 : DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return NaN;
    total += (pending < 0 ? 1 : pending) * unit;
    pending = -1;
    lastUnit = unit;
  }
  return total + (pending < 0 ? 0 : pending);
}
