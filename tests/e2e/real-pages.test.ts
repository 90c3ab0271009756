// The real pages of tests/fixtures in each browser with the built extension, read and scored the way the hidden
// evaluation reads and scores unseen pages: its kind on <html data-pizhu-kind>, the highlights' texts, the scorer's
// matching, and the targets unseen pages are judged by.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixturePages, realGoldDir } from '../../scripts/serve-fixtures.mjs';
import { describeMisses, scorePage, total, type GoldPage, type PageScore } from '../support/score';
import { launchWithExtension, readHighlights, visit, type ExtensionBrowser, type Page } from './harness';

const real = loadFixturePages().filter((p) => p.source === 'real');
const goldOf = (name: string): GoldPage => JSON.parse(fs.readFileSync(path.join(realGoldDir, `${name}.json`), 'utf8'));

let browser: ExtensionBrowser;
let page: Page;
const scored: PageScore[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  for (const p of real) {
    const kind = await visit(page, browser.urlFor(p.name));
    const seen = { kind, docNumbers: await readHighlights(page, 'pizhu-docno'), figures: await readHighlights(page, 'pizhu-figure') };
    scored.push(scorePage(goldOf(p.name), seen));
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('real pages in the browser', () => {
  it('are all served and scored', () => {
    expect(real.length).toBeGreaterThanOrEqual(10);
    expect(scored.length).toBe(real.length);
  });

  it('get their kind right, every one', () => {
    expect(scored.filter((p) => !p.kindRight).map((p) => p.file)).toEqual([]);
  });

  it('reach document numbers P and R ≥ 0.99', () => {
    const s = total(scored.map((p) => p.docNumbers));
    expect(s.precision, describeMisses(scored)).toBeGreaterThanOrEqual(0.99);
    expect(s.recall, describeMisses(scored)).toBeGreaterThanOrEqual(0.99);
  });

  it('reach figures P ≥ 0.99, R ≥ 0.98, exact spans ≥ 0.97', () => {
    const s = total(scored.map((p) => p.figures));
    expect(s.precision, describeMisses(scored)).toBeGreaterThanOrEqual(0.99);
    expect(s.recall, describeMisses(scored)).toBeGreaterThanOrEqual(0.98);
    expect(total(scored.map((p) => p.exact)).recall, describeMisses(scored)).toBeGreaterThanOrEqual(0.97);
  });

  it('highlight the document\u2019s own number in the red-header cell, split over <span>s, as one range', () => {
    const names = scored.map((p) => p.file);
    expect(names).toContain('mlr-2012-satellite-enforcement-notice.html');
    const mlr = scored.find((p) => p.file === 'mlr-2012-satellite-enforcement-notice.html')!;
    expect(mlr.docNumbers.missed).toEqual([]);
  });
});
