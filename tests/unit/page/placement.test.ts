import { describe, expect, it } from 'vitest';
import { intersects, placeBeside, type Box, type Placement } from '../../../page/placement';

const picker = { width: 358, height: 384, minHeight: 220 };
const box = (p: Placement): Box => ({ left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + p.height });
const inside = (p: Placement, w: number, h: number) => p.left >= 0 && p.top >= 0 && p.left + p.width <= w && p.top + p.height <= h;
const line = (left: number, top: number, width: number, height = 24): Box => ({ left, top, right: left + width, bottom: top + height });

describe('placing the picker beside the passage', () => {
  it('goes below a passage near the top, at its full height, aligned with it', () => {
    const anchor = line(200, 100, 300);
    const p = placeBeside(anchor, picker, { width: 1280, height: 700 });
    expect(p).toEqual({ side: 'below', left: 200, top: 132, width: 358, height: 384 });
  });

  it('goes above a passage near the bottom of a 1280×700 window (where it used to cover it)', () => {
    const anchor = line(300, 500, 400);
    const p = placeBeside(anchor, picker, { width: 1280, height: 700 });
    expect(p.side).toBe('above');
    expect(intersects(box(p), anchor)).toBe(false);
    expect(inside(p, 1280, 700)).toBe(true);
  });

  it('stays inside the viewport by its real width near the right edge', () => {
    const anchor = line(1100, 100, 160);
    const p = placeBeside(anchor, picker, { width: 1280, height: 700 });
    expect(p.left + p.width).toBeLessThanOrEqual(1272);
    expect(intersects(box(p), anchor)).toBe(false);
  });

  it('goes beside a passage in the middle of the window when neither above nor below has room', () => {
    const anchor = line(40, 288, 300); // a short passage at the left of a centred line, 800×600
    const p = placeBeside(anchor, picker, { width: 800, height: 600 });
    expect(p.side).toBe('right');
    expect(intersects(box(p), anchor)).toBe(false);
    expect(inside(p, 800, 600)).toBe(true);
  });

  it('shortens itself above or below, down to its smallest height, when a passage spans the width', () => {
    const anchor = { left: 20, top: 262, right: 780, bottom: 338 }; // three full lines, centred in 800×600
    const p = placeBeside(anchor, picker, { width: 800, height: 600 });
    expect(['above', 'below']).toContain(p.side);
    expect(p.height).toBeGreaterThanOrEqual(picker.minHeight);
    expect(p.height).toBeLessThan(picker.height);
    expect(intersects(box(p), anchor)).toBe(false);
    expect(inside(p, 800, 600)).toBe(true);
  });

  it('covers the edge of a passage taller than the window rather than leave the viewport', () => {
    const anchor = { left: 20, top: -200, right: 780, bottom: 900 };
    const p = placeBeside(anchor, picker, { width: 800, height: 600 });
    expect(p.side).toBe('over');
    expect(p.height).toBe(picker.minHeight);
    expect(inside(p, 800, 600)).toBe(true);
  });

  it('never overlaps and never leaves the viewport over a sweep of passages and windows down to 800×600', () => {
    for (const [w, h] of [[1280, 700], [1024, 768], [800, 600]]) {
      for (let top = 8; top < h - 40; top += 37) {
        for (let left = 0; left < w - 60; left += 53) {
          const anchor = line(left, top, Math.min(240, w - left - 8), 24);
          const p = placeBeside(anchor, picker, { width: w, height: h });
          expect(inside(p, w, h), `${w}×${h} at ${left},${top}`).toBe(true);
          expect(intersects(box(p), anchor), `${w}×${h} at ${left},${top}`).toBe(false);
          expect(p.height).toBeGreaterThanOrEqual(picker.minHeight);
        }
      }
    }
  });

  it('stays on its side as it grows, shortened, rather than jump to another', () => {
    const anchor = line(250, 300, 320);
    const first = placeBeside(anchor, { ...picker, height: 340 }, { width: 1280, height: 700 });
    expect(first.side).toBe('below');
    const grown = placeBeside(anchor, { ...picker, height: 410 }, { width: 1280, height: 700 }, { keep: first.side });
    expect(grown).toMatchObject({ side: 'below', top: first.top, left: first.left });
    expect(grown.height).toBe(700 - 8 - first.top);
    // Without `keep` it would have gone elsewhere; and a side with no room left is not kept.
    expect(placeBeside(anchor, { ...picker, height: 410 }, { width: 1280, height: 700 }).side).not.toBe('below');
    expect(placeBeside(line(250, 560, 320), picker, { width: 1280, height: 700 }, { keep: 'below' }).side).not.toBe('below');
  });
});
