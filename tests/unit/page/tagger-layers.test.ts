// The layers of Pizhu's UI on a page (components/tagger.css): the picker stands above a toast. A picker opened on
// a passage low in the window reaches the toast's place at the bottom, and a toast still showing from the last tag
// took the clicks meant for the picker's Delete button (seen in an end-to-end run: annotate.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.join(__dirname, '../../../components/tagger.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function zIndex(selector: string): number {
  const rule = new RegExp(`(?:^|\\})\\s*${selector.replace('.', '\\.')}\\s*\\{([^}]*)\\}`).exec(css);
  const value = rule && /z-index\s*:\s*(\d+)/.exec(rule[1]);
  if (!value) throw new Error(`no z-index for ${selector}`);
  return Number(value[1]);
}

describe('tagger layers', () => {
  it('puts the picker above a toast', () => {
    expect(zIndex('.picker-frame')).toBeGreaterThan(zIndex('.toast'));
  });
});
