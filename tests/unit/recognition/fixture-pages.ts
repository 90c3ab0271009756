// Reading the fixture pages and their gold labels the way the content script sees them: the main content region as
// one string (blocks separated by '\n', inline elements glued together). Scoring is tests/support/score.ts.
import fs from 'node:fs';
import path from 'node:path';
import { SHARED } from '../../support/fixtures';

export const SHARED_FIXTURES = path.join(SHARED, 'fixtures');

export interface Gold {
  file: string;
  kind: 'report' | 'document' | 'none';
  docNumbers: string[];
  figures: string[];
  lenient: string[];
  dates: string[];
}

export function loadGolds(): Gold[] {
  const dir = path.join(SHARED_FIXTURES, 'gold');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Gold);
}

/** Title, metadata block, publication line, summary and body of the fixture layout, in document order. */
const MAIN_CONTENT = 'table.xxgk, h1, .title, .info, .summary, .article';
const BLOCKS = new Set([
  'P', 'DIV', 'TD', 'TH', 'TR', 'TABLE', 'TBODY', 'H1', 'H2', 'H3', 'H4', 'LI', 'UL', 'OL', 'BR', 'SECTION', 'ARTICLE',
]);

export function mainContentText(doc: Document): string {
  const regions = [...doc.querySelectorAll(MAIN_CONTENT)].filter(
    (el, _, all) => !all.some((other) => other !== el && other.contains(el)),
  );
  let out = '';
  let pendingBreak = false;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data) return;
      if (pendingBreak && out) out += '\n';
      pendingBreak = false;
      out += data;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') return;
    const block = BLOCKS.has(el.tagName);
    if (block) pendingBreak = true;
    for (const child of el.childNodes) visit(child);
    if (block) pendingBreak = true;
  };
  for (const region of regions) {
    pendingBreak = true;
    visit(region);
  }
  return out;
}
