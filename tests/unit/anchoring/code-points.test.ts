import { describe, expect, it } from 'vitest';
import { codePointIndex, hasAstral, legacyPositionInCodePoints } from '../../../anchoring/code-points';

describe('code points and UTF-16 units', () => {
  it('are the same on text without astral characters', () => {
    const index = codePointIndex('法治政府建设情况报告，全年办理案件48件');
    for (const n of [0, 5, 21]) {
      expect(index.toCodePoint(n)).toBe(n);
      expect(index.toUnit(n)).toBe(n);
    }
  });

  it('count a character outside the BMP once (a rare ideograph, an emoji), both ways', () => {
    // 𠀀 (U+20000, CJK Extension B) and 👍🏽 (two astral code points) are two UTF-16 units each.
    const text = '甲𠀀乙👍🏽丙';
    const index = codePointIndex(text);
    const cps = [...text];
    for (let c = 0; c <= cps.length; c++) {
      const units = cps.slice(0, c).join('').length;
      expect(index.toUnit(c), `code point ${c}`).toBe(units);
      expect(index.toCodePoint(units), `unit ${units}`).toBe(c);
    }
    expect(hasAstral(text)).toBe(true);
    expect(hasAstral('甲乙丙')).toBe(false);
  });

  it('convert a position stored in UTF-16 units when the snapshot still holds its quote there, and only then', () => {
    const snapshot = '𠀀𠀁，全面推进依法行政。';
    const start = snapshot.indexOf('依法行政');
    expect(legacyPositionInCodePoints(snapshot, { start, end: start + 4 }, '依法行政')).toEqual({ start: start - 2, end: start + 2 });
    expect(legacyPositionInCodePoints(snapshot, { start: 0, end: 4 }, '依法行政')).toBeUndefined();
  });
});
