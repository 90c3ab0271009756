// What a reader sees around the highlights: the card on hover and on focus, the toolbar badge, and the side panel's
// list with its switches.
import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, readHighlights, visit, type ExtensionBrowser, type Page } from './harness';
import { guestText, openSidePanel } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
const REPORT = 'zhangdian-2017-report';

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await visit(page, browser.urlFor(REPORT));
});
afterAll(async () => {
  await browser?.close();
});

/** Centre of the first range of a highlight whose text is `text`, scrolled into view. */
async function pointAt(name: string, text: string) {
  return page.evaluate(({ name, text }) => {
    const r = ([...CSS.highlights.get(name)!] as Range[]).find((x) => x.toString() === text)!;
    r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0];
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, { name, text });
}
// The card is in Pizhu's closed shadow root: read as the browser's tools read it.
const cardText = () => guestText(page, '.card[role="tooltip"]:not(.annotation)');

describe('the card', () => {
  it('explains a document number under the pointer: agency code, year, serial', async () => {
    const { x, y } = await pointAt('pizhu-docno', '淄政办字[2017]5号');
    await page.mouse.move(x, y);
    await expect.poll(cardText).toContain('淄政办字[2017]5号');
    const text = await cardText();
    expect(text).toContain('淄政办字');
    expect(text).toContain('2017');
  });

  it('explains a figure: value, unit and the 余 inside it', async () => {
    const { x, y } = await pointAt('pizhu-figure', '480余名');
    await page.mouse.move(x, y);
    await expect.poll(cardText).toContain('480余名');
    expect(await cardText()).toMatch(/名.*余|余.*名/);
  });

  it('names the indicator a figure states, and its value normalised with the qualifier as a bound', async () => {
    const rate = await pointAt('pizhu-figure', '48.6%');
    await page.mouse.move(rate.x, rate.y);
    await expect.poll(cardText).toMatch(/(指标|Indicator)精简率/);
    const trained = await pointAt('pizhu-figure', '480余名');
    await page.mouse.move(trained.x, trained.y);
    await expect.poll(cardText).toContain('480余名');
    // 余 kept as a flag: more than 480.
    expect(await cardText()).toMatch(/余（多于）|余 \(more than\)/);
  });

  it('goes away when the pointer leaves the highlight', async () => {
    await page.mouse.move(2, 2);
    await expect.poll(cardText).toBe('');
  });
});

describe('the toolbar badge', () => {
  it('counts the document numbers and figures of the page', async () => {
    const expected = (await readHighlights(page, 'pizhu-docno')).length + (await readHighlights(page, 'pizhu-figure')).length;
    const badge = await browser.evaluateInExtension(async (url) => {
      type Tab = { id?: number; url?: string };
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Tab[]> }; action: { getBadgeText(d: object): Promise<string> } };
      };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      return chrome.action.getBadgeText({ tabId: tab.id });
    }, page.url());
    expect(badge).toBe(String(expected));
  });
});

describe('the side panel', () => {
  let panel: Page;
  beforeAll(async () => {
    panel = await openSidePanel(browser, page);
  });

  it('lists the page’s document numbers and figures in document order', async () => {
    const items = panel.locator('.items .item-text');
    await expect.poll(() => items.count()).toBeGreaterThan(90);
    const texts = await items.allTextContents();
    const highlighted = [...(await readHighlights(page, 'pizhu-docno')), ...(await readHighlights(page, 'pizhu-figure'))];
    expect(texts.sort()).toEqual(highlighted.sort());
    expect((await items.first().textContent())).toBe('张政字〔2018〕8号');
  });

  it('keeps the way to the library in view below the long list', async () => {
    await expect.poll(() => panel.locator('.items .item').count()).toBeGreaterThan(90);
    const place = () => panel.evaluate(() => {
      const foot = document.querySelector('.panel-foot button')!.getBoundingClientRect();
      return { inView: foot.top >= 0 && foot.bottom <= innerHeight, listTaller: document.body.scrollHeight > 2 * innerHeight };
    });
    expect(await place()).toEqual({ inView: true, listTaller: true });
  });

  it('shows each figure’s indicator and normalised value in the list', async () => {
    const rate = panel.locator('.items .item', { has: panel.locator('.item-text', { hasText: /^48\.6%$/ }) }).first();
    await expect.poll(() => rate.locator('.item-indicator').textContent()).toBe('精简率 → 48.6%');
    const trained = panel.locator('.items .item', { has: panel.locator('.item-text', { hasText: /^480余名$/ }) }).first();
    await expect.poll(() => trained.locator('.item-indicator').textContent()).toMatch(/ → 480 名 · (多于|more than)$/);
    // Document numbers have none.
    expect(await panel.locator('.items .item.docno .item-indicator').count()).toBe(0);
  });

  it('scrolls the page to an item and shows its card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.locator('.items .item', { has: panel.locator('.item-text', { hasText: /^96\.25%$/ }) }).first().click();
    await page.bringToFront();
    await expect.poll(cardText, { timeout: 5000 }).toContain('96.25%');
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(300);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('96.25%');
  });

  it('exports the page’s figures and document numbers, with sentence and section heading, to CSV and Excel', async () => {
    await panel.bringToFront();
    const read = async (name: RegExp) => {
      const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name }).click()]);
      return fs.readFileSync((await download.path())!);
    };
    const csv = (await read(/Figures CSV|数字 CSV/)).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).split('\r\n');
    const figureCount = (await readHighlights(page, 'pizhu-figure')).length;
    expect(rows.filter(Boolean).length).toBe(figureCount + 1);
    const rate = rows.find((r) => r.startsWith('48.6%'))!;
    expect(rate).toContain('二、依法全面履行政府职能');
    expect(rate).toContain('精简率达48.6%');
    // The indicator, the unit normalised and the bound, after the columns that were there before.
    expect(rate.endsWith(',精简率,%,确数') || rate.endsWith(',精简率,%,exact')).toBe(true);
    const docnos = (await read(/Document numbers CSV|发文字号 CSV/)).toString('utf8');
    expect(docnos).toContain('张政字〔2018〕8号,张政字,2018,8');
    const xlsx = unzipSync(new Uint8Array(await read(/^Excel$/)));
    expect(Object.keys(xlsx).filter((f) => f.startsWith('xl/worksheets/sheet'))).toHaveLength(2);
  });

  it('switches a category off and on again', async () => {
    await panel.bringToFront();
    const figures = panel.getByRole('checkbox', { name: /数字|Figures/ });
    await figures.uncheck();
    await expect.poll(() => readHighlights(page, 'pizhu-figure')).toEqual([]);
    expect((await readHighlights(page, 'pizhu-docno')).length).toBeGreaterThan(5);
    await figures.check();
    await expect.poll(async () => (await readHighlights(page, 'pizhu-figure')).length).toBeGreaterThan(80);
  });

  it('turns Pizhu off for the site, and back on', async () => {
    const site = panel.getByRole('checkbox', { name: /www\.zhangdian\.gov\.cn/ });
    await site.check();
    await expect.poll(() => readHighlights(page, 'pizhu-docno')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.pizhuKind)).toBeUndefined();
    await page.reload();
    await page.waitForTimeout(1000);
    expect(await readHighlights(page, 'pizhu-docno')).toEqual([]);
    await site.uncheck();
    await expect.poll(async () => (await readHighlights(page, 'pizhu-docno')).length).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.dataset.pizhuKind)).toBe('report');
  });
});
