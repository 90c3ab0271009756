// Study mode end to end: a report opened in Chromium, the side panel's study tab for it, the outline listed under
// conventional names, a click that scrolls the page, and the structure drawn on the page as CSS highlights.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, readHighlights, visit, type ExtensionBrowser, type Page } from './harness';
import { highlightTexts, openSidePanel } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
let panel: Page;
const REPORT = 'zhangdian-2017-report';
const LEVEL_1 = ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、'];

/** The outline highlights registered in the page, by name, with their number of ranges. */
const outlineHighlights = () => page.evaluate(() => {
  const found: Record<string, number> = {};
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('pizhu-outline-')) found[name] = h.size;
  });
  return found;
});

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await visit(page, browser.urlFor(REPORT));
  panel = await openSidePanel(browser, page);
  await panel.getByRole('tab', { name: /学习|Study/ }).click();
});
afterAll(async () => {
  await browser?.close();
});

describe('study mode in the side panel', () => {
  it('lists the report’s parts under their conventional names, its ten level-1 headings among them', async () => {
    const labels = panel.locator('.outline .part-label');
    await expect.poll(() => labels.count(), { timeout: 10_000 }).toBeGreaterThan(40);
    const names = await labels.allTextContents();
    expect(names.slice(0, 4)).toEqual(expect.arrayContaining([expect.stringMatching(/^(标题|Title)$/), expect.stringMatching(/^(发文字号|Document number)$/)]));
    expect(names.filter((n) => /^(一级标题|Level-1 heading)$/.test(n))).toHaveLength(10);
    const level1 = panel.locator('.part[data-kind="heading"][data-level="1"] .part-text');
    expect((await level1.allTextContents()).map((s) => s.slice(0, 2))).toEqual(LEVEL_1);
  });

  it('sets the report’s own number apart and explains it', async () => {
    await expect.poll(() => panel.locator('.own-number .docno-text').textContent()).toBe('张政字〔2018〕8号');
    expect(await panel.locator('.own-number .docno-fields dd').allTextContents()).toEqual(['张政字', '2018', '8']);
    expect(await panel.locator('.cited-number').allTextContents()).not.toContain('张政字〔2018〕8号');
    expect(await panel.locator('.cited-number').allTextContents()).toContain('淄政办字[2017]5号');
  });

  it('scrolls the page to a heading clicked in the outline', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await panel.locator('.part[data-level="1"]', { hasText: '十、强化政府法律顾问作用' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(300);
    // The part is marked for a moment where the page shows it.
    expect((await highlightTexts(page, 'pizhu-study-focus'))[0]).toMatch(/^十、强化政府法律顾问作用/);
    // Where the page is on show (Firefox's window here), it scrolls smoothly: in view once the scroll ends.
    const inView = () => page.evaluate(() => {
      const r = [...CSS.highlights.get('pizhu-study-focus') ?? []][0] as Range | undefined;
      const top = r ? r.getBoundingClientRect().top : -1;
      return top >= 0 && top < window.innerHeight;
    });
    await expect.poll(inView, { timeout: 5000 }).toBe(true);
  });

  it('draws the structure on the page when asked, and takes it off again', async () => {
    expect(await outlineHighlights()).toEqual({});
    const draw = panel.getByRole('checkbox', { name: /在页面上标出结构|Draw the structure on the page/ });
    await draw.check();
    await expect.poll(() => highlightTexts(page, 'pizhu-outline-heading-1')).toHaveLength(10);
    expect((await highlightTexts(page, 'pizhu-outline-heading-1')).map((s) => s.slice(0, 2))).toEqual(LEVEL_1);
    expect(await highlightTexts(page, 'pizhu-outline-docno')).toEqual(['张政字〔2018〕8号']);
    expect(await highlightTexts(page, 'pizhu-outline-signature')).toEqual(['淄博市张店区人民政府']);
    expect(await highlightTexts(page, 'pizhu-outline-date')).toEqual(['2018年3月7日']);
    expect(Object.keys(await outlineHighlights())).toEqual(expect.arrayContaining([
      'pizhu-outline-title', 'pizhu-outline-addressee', 'pizhu-outline-opening', 'pizhu-outline-heading-2', 'pizhu-outline-enumeration',
    ]));
    await draw.uncheck();
    await expect.poll(outlineHighlights).toEqual({});
    // The recognition highlights are left as they were.
    expect((await readHighlights(page, 'pizhu-docno')).length).toBeGreaterThan(5);
  });

  it('says a page that is not a report has no structure to study', async () => {
    await visit(page, browser.urlFor('shop-promo'));
    await expect.poll(() => panel.locator('.panel').textContent(), { timeout: 10_000 }).toMatch(/不是报告或公文|not a report/);
    expect(await panel.locator('.outline').count()).toBe(0);
  });
});
