// Reports inside frames: Pizhu reads the top document of a tab only (README, "As a guest on other people's pages").
// A page that shows a report in a frame is read as no report, nothing runs in the frame, and the side panel offers
// the frame's own address, where the report is read like any page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { openSidePanel } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
const REPORT = 'zhangdian-2017-report';

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('a report shown in a frame', () => {
  it('is not read in the frame; the side panel offers the frame’s own address, where it is read', async () => {
    const report = browser.urlFor(REPORT);
    expect(await visit(page, browser.urlFor('framed-report'))).toBe('none');
    const framed = page.frames().find((f) => f.url() === report)!;
    await framed.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await framed.evaluate(() => ({ kind: document.documentElement.dataset.pizhuKind ?? null, highlights: CSS.highlights.size }))).toEqual({ kind: null, highlights: 0 });

    const panel = await openSidePanel(browser, page);
    const link = panel.locator('.framed a');
    await expect.poll(() => link.getAttribute('href')).toBe(report);
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState('load');
    await expect.poll(() => opened.evaluate(() => document.documentElement.dataset.pizhuKind ?? null), { timeout: 8000 }).toBe('report');
    await opened.close();
    await panel.close();
  });
});
