// Terms in the order people read their numbers: the comparator every list of terms sorts by (the picker, the
// editors, the Excel codebook sheet).
import { describe, expect, it } from 'vitest';
import { byNotation } from '../../../model';

const sorted = (notations: string[]) => notations.map((notation) => ({ notation })).sort(byNotation).map((t) => t.notation);

describe('byNotation', () => {
  it('orders the numbers within a notation as numbers, not as text', () => {
    expect(sorted(['2.10', '10', '2.9', '1', '2', 'R10', 'R9', '2.1'])).toEqual(['1', '2', '2.1', '2.9', '2.10', '10', 'R9', 'R10']);
  });

  it('is a total order: equal notations compare equal, and swapping the two turns the sign', () => {
    const a = { notation: '3.2' };
    const b = { notation: '3.10' };
    expect(byNotation(a, { notation: '3.2' })).toBe(0);
    expect(Math.sign(byNotation(a, b))).toBe(-Math.sign(byNotation(b, a)));
  });
});
