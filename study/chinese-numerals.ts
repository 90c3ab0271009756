// Chinese numerals as they appear in heading ordinals (十一) and in old-style dates (二〇一八年三月七日).

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

export const CHINESE_DIGIT_CLASS = '〇零○Ｏ一二三四五六七八九十';

/** A number below 100 written with 十 (十一, 二十, 三十一), or a digit-by-digit string (二〇一八). NaN if neither. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  if (s.includes('十')) {
    const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
    if (!m) return NaN;
    return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[2] ? DIGITS[m[2]] : 0);
  }
  let n = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Full-width digits folded to ASCII, so that ２０１８ reads as 2018. */
export function foldDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
