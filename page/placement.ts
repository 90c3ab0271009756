// Where a floating box (the tag picker, a card) goes so that it hides nothing it is about: beside its anchor (the
// selected passage), inside the viewport. Plain arithmetic on boxes, so that it can be tested without a browser.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A box whose height can give: `height` as it would like, down to `minHeight` (a list inside it scrolls). */
export interface FlexibleSize extends Size {
  minHeight: number;
}

export type Side = 'below' | 'above' | 'right' | 'left' | 'over';

export interface Placement {
  left: number;
  top: number;
  width: number;
  height: number;
  /** 'over': no room anywhere beside the anchor (a passage taller than the window), so part of it is covered. */
  side: Side;
}

export interface PlacementOptions {
  /** Space between the anchor and the box. */
  gap?: number;
  /** Space kept between the box and the viewport's edges. */
  margin?: number;
  /** Sides to try, in order, at full height (then above or below, shortened). */
  order?: readonly Exclude<Side, 'over'>[];
  /**
   * The side the box is on now: it stays there while it fits (above or below, shortened if need be), so that a box
   * that grows or shrinks as it is used does not jump around the passage.
   */
  keep?: Side;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(x, hi));

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Places a box of `size` beside `anchor` within a viewport of `viewport`: below, above, right or left at its full
 * height when one has room (in `order`); otherwise above or below, whichever has more room, shortened to fit (never
 * below minHeight); otherwise over the anchor's edge at minHeight.
 */
export function placeBeside(anchor: Box, size: FlexibleSize, viewport: Size, options: PlacementOptions = {}): Placement {
  const { gap = 8, margin = 8, order = ['below', 'above', 'right', 'left'], keep } = options;
  const W = viewport.width;
  const H = viewport.height;
  const width = Math.min(size.width, W - 2 * margin);
  const height = Math.min(size.height, H - 2 * margin);
  const minHeight = Math.min(size.minHeight, height);
  const room = {
    below: H - margin - (anchor.bottom + gap),
    above: anchor.top - gap - margin,
    right: W - margin - (anchor.right + gap),
    left: anchor.left - gap - margin,
  };
  const alongX = clamp(anchor.left, margin, W - margin - width);
  const alongY = (h: number) => clamp(anchor.top, margin, H - margin - h);
  const at = (side: Exclude<Side, 'over'>, h: number): Placement => {
    switch (side) {
      case 'below':
        return { side, left: alongX, top: anchor.bottom + gap, width, height: h };
      case 'above':
        return { side, left: alongX, top: anchor.top - gap - h, width, height: h };
      case 'right':
        return { side, left: anchor.right + gap, top: alongY(h), width, height: h };
      case 'left':
        return { side, left: anchor.left - gap - width, top: alongY(h), width, height: h };
    }
  };

  if (keep === 'below' || keep === 'above') {
    if (room[keep] >= minHeight) return at(keep, Math.floor(Math.min(height, room[keep])));
  } else if (keep === 'right' || keep === 'left') {
    if (room[keep] >= width) return at(keep, height);
  }
  for (const side of order) {
    const fits = side === 'below' || side === 'above' ? room[side] >= height : room[side] >= width;
    if (fits) return at(side, height);
  }
  const vertical = room.below >= room.above ? 'below' : 'above';
  if (room[vertical] >= minHeight) return at(vertical, Math.floor(room[vertical]));
  // No room beside the passage: keep to the viewport, against the edge with more room.
  const top = vertical === 'below' ? clamp(anchor.bottom + gap, margin, H - margin - minHeight) : clamp(anchor.top - gap - minHeight, margin, H - margin - minHeight);
  return { side: 'over', left: alongX, top, width, height: minHeight };
}
