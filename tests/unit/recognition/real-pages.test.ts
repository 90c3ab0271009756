// Recognition on real pages nobody here wrote (tests/fixtures: government sites, a saved ministry page, a WeChat
// article, news pages), scored with the scorer's rules against labels made by ../shared/spec/recognition-rules.md.
// The targets are those the unseen pages are judged by. The same pages are scored in Chromium with the built
// extension by tests/e2e/real-pages.test.ts.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../page/scan';
import { REAL_PAGES_DIR, loadPage, realGold, realPages } from '../../support/fixtures';
import { describeMisses, scorePage, total, type PageScore } from '../../support/score';

const scored: Promise<PageScore[]> = Promise.all(
  realPages.map(async (page) => {
    const scan = await scanPage(loadPage(page, REAL_PAGES_DIR));
    const texts = (c: string) => scan.matches.filter((m) => m.category === c).map((m) => m.text);
    return scorePage(realGold(page.file), { kind: scan.kind, docNumbers: texts('docno'), figures: texts('figure') });
  }),
);

describe('real pages', () => {
  it('are at least ten, of several kinds and templates', () => {
    expect(realPages.length).toBeGreaterThanOrEqual(10);
    expect(new Set(realPages.map((p) => p.kind))).toEqual(new Set(['report', 'document', 'none']));
    expect(new Set(realPages.map((p) => p.host)).size).toBeGreaterThanOrEqual(6);
  });

  it('get their kind right, every one', async () => {
    const pages = await scored;
    expect(pages.filter((p) => !p.kindRight).map((p) => p.file)).toEqual([]);
  });

  it('reach document numbers P and R ≥ 0.99', async () => {
    const pages = await scored;
    const s = total(pages.map((p) => p.docNumbers));
    expect(s.precision, describeMisses(pages)).toBeGreaterThanOrEqual(0.99);
    expect(s.recall, describeMisses(pages)).toBeGreaterThanOrEqual(0.99);
  });

  it('reach figures P ≥ 0.99, R ≥ 0.98, exact spans ≥ 0.97', async () => {
    const pages = await scored;
    const s = total(pages.map((p) => p.figures));
    expect(s.precision, describeMisses(pages)).toBeGreaterThanOrEqual(0.99);
    expect(s.recall, describeMisses(pages)).toBeGreaterThanOrEqual(0.98);
    expect(total(pages.map((p) => p.exact)).recall, describeMisses(pages)).toBeGreaterThanOrEqual(0.97);
  });
});
