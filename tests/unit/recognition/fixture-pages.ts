// Reading the fixture pages and their gold labels the way the content script and the scorer see them:
// the main content region as one string (blocks separated by '\n', inline elements glued together), and
// found figures and numbers matched against the gold with the rules of recognition-score/score.mjs.
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

// ---- scoring, as in recognition-score/score.mjs

const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
const digitsOf = (s: string): string => (fold(s).match(/\d+(?:[.,]\d+)*/g) ?? []).join('|');

export type ScoredKind = 'docNumbers' | 'figures' | 'exact';

function sameAs(kind: ScoredKind): (p: string, g: string) => boolean {
  if (kind !== 'figures') return (p, g) => fold(p) === fold(g);
  return (p, g) => {
    const a = fold(p);
    const b = fold(g);
    return digitsOf(a) === digitsOf(b) && (a.includes(b) || b.includes(a));
  };
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  missed: string[];
  wrong: string[];
}

export function score(pred: string[], gold: string[], kind: ScoredKind, lenient: string[]): Score {
  const same = sameAs(kind);
  const used = new Array<boolean>(pred.length).fill(false);
  const missed: string[] = [];
  let tp = 0;
  let cursor = 0;
  for (const g of gold) {
    let hit = -1;
    for (let i = Math.max(0, cursor - 20); i < pred.length; i++) {
      if (!used[i] && same(pred[i], g)) {
        hit = i;
        break;
      }
    }
    if (hit >= 0) {
      used[hit] = true;
      tp++;
      cursor = hit + 1;
    } else missed.push(g);
  }
  const wrong = pred.filter(
    (p, i) => !used[i] && !lenient.some((l) => fold(l).includes(fold(p)) || fold(p).includes(fold(l))),
  );
  const fp = wrong.length;
  const fn = missed.length;
  return {
    tp,
    fp,
    fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    missed,
    wrong,
  };
}
