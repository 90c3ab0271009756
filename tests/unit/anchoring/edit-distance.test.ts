import { describe, expect, it } from 'vitest';
import { alignFlush, editDistance } from '../../../anchoring/edit-distance';
import { seededRng } from './support/prng';

/** The textbook full-table Levenshtein distance, as a reference. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const curr = [i];
    for (let j = 1; j <= b.length; j++) {
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = curr;
  }
  return prev[b.length];
}

describe('editDistance', () => {
  it('agrees with the full-table distance, capped at max + 1', () => {
    const rng = seededRng(42);
    const word = (n: number) => Array.from({ length: n }, () => '法治政'[Math.floor(rng() * 3)]).join('');
    for (let t = 0; t < 5000; t++) {
      const a = word(Math.floor(rng() * 14));
      const b = word(Math.floor(rng() * 14));
      const max = Math.floor(rng() * 9);
      expect(editDistance(a, b, max)).toBe(Math.min(levenshtein(a, b), max + 1));
    }
  });
});

describe('alignFlush', () => {
  const text = '甲乙丙丁戊己庚辛壬癸';

  it('aligns a prefix flush against a boundary, its far end free', () => {
    expect(alignFlush('丙丁戊', text, 5, 'before')).toEqual({ errors: 0, extent: 3 });
    expect(alignFlush('丙丁X', text, 5, 'before')).toEqual({ errors: 1, extent: 3 });
    // Text inserted inside the context costs what was inserted, not a misalignment of everything.
    expect(alignFlush('甲乙丙丁戊', '甲乙丙新新丁戊', 7, 'before')).toEqual({ errors: 2, extent: 7 });
  });

  it('aligns a suffix flush after a boundary', () => {
    expect(alignFlush('己庚辛', text, 5, 'after')).toEqual({ errors: 0, extent: 3 });
    expect(alignFlush('新己庚辛', text, 5, 'after')).toEqual({ errors: 1, extent: 3 });
  });

  it('counts context missing beyond the ends of the text as errors', () => {
    expect(alignFlush('子丑甲乙', text, 2, 'before')).toEqual({ errors: 2, extent: 2 });
    expect(alignFlush('', text, 2, 'before')).toEqual({ errors: 0, extent: 0 });
  });
});
