// The styles of the highlights recognition registers on every report page, by the thousand on a long one. A
// ::highlight that overflows its text (a decoration, a shadow) makes Chromium recompute the visual overflow of every
// text node it touches whenever any highlight of the page changes: on a 1 MB report, a frame of 50-100 ms after the
// scan and at each tag (measured with scripts/bench/scan.mjs). So these have fills and colours only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADJACENT_HIGHLIGHT, HIGHLIGHT_NAMES } from '../../../page/highlights';

const css = fs.readFileSync(path.join(__dirname, '../../../entrypoints/content/highlights.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Every declaration block of a rule whose selector names `::highlight(name)`, @media blocks included. */
function declarationsFor(name: string): string[] {
  const rule = new RegExp(`::highlight\\(${name}\\)[^{]*\\{([^}]*)\\}`, 'g');
  return [...css.matchAll(rule)].map((m) => m[1]);
}

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
