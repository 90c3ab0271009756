// The layers of Pizhu's UI on a page (components/tagger.css): the picker stands above a toast. A picker opened on
// a passage low in the window reaches the toast's place at the bottom, and a toast still showing from the last tag
// took the clicks meant for the picker's Delete button (seen in an end-to-end run: annotate.test.ts).
import { describe, expect, it } from 'vitest';
import { declarationsFor } from '../../support/css';

function zIndex(selector: string): number {
  const value = declarationsFor('components/tagger.css', selector)
    .map((block) => /z-index\s*:\s*(\d+)/.exec(block))
    .find(Boolean);
  if (!value) throw new Error(`no z-index for ${selector}`);
  return Number(value[1]);
}

describe('tagger layers', () => {
  it('puts the picker above a toast', () => {
    expect(zIndex('.picker-frame')).toBeGreaterThan(zIndex('.toast'));
  });
});
