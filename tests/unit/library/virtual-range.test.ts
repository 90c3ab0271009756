import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../components/library/VirtualTable';

describe('windowing', () => {
  it('renders only the rows in view plus the overscan, clamped to the list', () => {
    expect(visibleRange(100_000, 40, 0, 400, 5)).toEqual([0, 15]);
    expect(visibleRange(100_000, 40, 40_000, 400, 5)).toEqual([995, 1015]);
    expect(visibleRange(100_000, 40, 4_000_000 - 400, 400, 5)).toEqual([99_985, 100_000]);
    expect(visibleRange(3, 40, 0, 400, 5)).toEqual([0, 3]);
    expect(visibleRange(0, 40, 0, 400, 5)).toEqual([0, 0]);
  });
});
