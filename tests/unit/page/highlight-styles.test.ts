// The styles of the highlights recognition registers on every report page, by the thousand on a long one. A
// ::highlight that overflows its text (a decoration, a shadow) makes Chromium recompute the visual overflow of every
// text node it touches whenever any highlight of the page changes: on a 1 MB report, a frame of 50-100 ms after the
// scan and at each tag (measured with scripts/bench/scan.mjs). So these have fills and colours only.
import { describe, expect, it } from 'vitest';
import { ADJACENT_HIGHLIGHT, HIGHLIGHT_NAMES } from '../../../page/highlights';
import { declarationsFor as rulesIn } from '../../support/css';

/** Every declaration block of a rule for `::highlight(name)` in the content script's sheet, @media blocks included. */
const declarationsFor = (name: string) => rulesIn('entrypoints/content/highlights.css', `::highlight(${name})`);

describe('recognition highlight styles', () => {
  const names = [...Object.values(HIGHLIGHT_NAMES), ADJACENT_HIGHLIGHT];

  it.each(names)('%s has a style, with a fill', (name) => {
    const blocks = declarationsFor(name);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.some((b) => /background-color\s*:/.test(b))).toBe(true);
  });

  it.each(names)('%s neither decorates nor shadows its text (nothing that overflows it)', (name) => {
    for (const block of declarationsFor(name)) expect(block).not.toMatch(/text-decoration|text-shadow|text-emphasis|-webkit-text-stroke/);
  });
});
