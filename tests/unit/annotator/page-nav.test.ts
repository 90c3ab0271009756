// Which annotation next / previous go to, and how the overview bar groups nearby ones.
import { describe, expect, it } from 'vitest';
import { buckets, stepTo } from '../../../annotator/page-nav';

const H = 800;
const placed = (...tops: number[]) => tops.map((top, i) => ({ id: `a${i}`, top }));

describe('stepTo', () => {
  it('has nowhere to go on a page without annotations', () => {
    expect(stepTo([], undefined, 1, H)).toBeUndefined();
  });

  it('steps from the one last gone to while it is in view, wrapping at the ends', () => {
    const p = placed(-500, 400, 700, 2000);
    expect(stepTo(p, 'a1', 1, H)).toBe('a2');
    expect(stepTo(p, 'a1', -1, H)).toBe('a0');
    expect(stepTo(placed(-900, 400), 'a1', 1, H)).toBe('a0');
    expect(stepTo(placed(400, 2000), 'a0', -1, H)).toBe('a1');
  });

  it('steps from the viewport when the last one is out of view (the reader scrolled) or none was gone to', () => {
    const p = placed(-900, -300, 1, 300, 2000);
    expect(stepTo(p, undefined, 1, H)).toBe('a3');
    expect(stepTo(p, undefined, -1, H)).toBe('a1');
    expect(stepTo(p, 'a4', 1, H)).toBe('a3');
    expect(stepTo(p, 'gone', -1, H)).toBe('a1');
  });

  it('wraps from the viewport too: nothing below goes to the first, nothing above to the last', () => {
    expect(stepTo(placed(-900, -300), undefined, 1, H)).toBe('a0');
    expect(stepTo(placed(300, 2000), undefined, -1, H)).toBe('a1');
  });
});

describe('buckets', () => {
  it('puts each passage at its place on the document, scaled to the bar', () => {
    expect(buckets(placed(0, 5000, 10000), 10000, 500)).toEqual([
      { y: 0, ids: ['a0'] },
      { y: 250, ids: ['a1'] },
      { y: 500, ids: ['a2'] },
    ]);
  });

  it('gathers passages too close to tell apart on the bar into one mark, in document order', () => {
    const b = buckets([{ id: 'x', top: 5040 }, { id: 'y', top: 5000 }, { id: 'z', top: 9000 }], 10000, 500, 6);
    expect(b).toEqual([{ y: 250, ids: ['y', 'x'] }, { y: 450, ids: ['z'] }]);
  });

  it('keeps marks on the bar for passages measured past the document ends, and makes none without a height', () => {
    expect(buckets(placed(-10, 12000), 10000, 500).map((b) => b.y)).toEqual([0, 500]);
    expect(buckets(placed(10), 0, 500)).toEqual([]);
  });
});
