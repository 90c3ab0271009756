// A page Pizhu misjudged: the reader says what it is in the side panel, the page is read again as that, and the
// choice is remembered for its address until the reader gives the page back to the classifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, revisit, visit, type ExtensionBrowser, type Page } from './harness';
import { openSidePanel } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
let panel: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  // A column listing: not a report, by the rules; here the reader says otherwise.
  expect(await visit(page, browser.urlFor('zhangdian-listing'))).toBe('none');
  panel = await openSidePanel(browser, page);
});
afterAll(async () => {
  await browser?.close();
});

const kind = () => page.evaluate(() => document.documentElement.dataset.pizhuKind ?? null);

describe('the reader’s say over a page’s kind', () => {
  it('reads a page as a report when the reader says so, and remembers it for the address', async () => {
    await panel.getByRole('button', { name: /当作报告读|Read as a report/ }).click();
    await expect.poll(kind).toBe('report');
    // The panel follows the new reading, and says whose call it is.
    await panel.locator('.kind.kind-report').waitFor();
    await panel.locator('.kind-fix', { hasText: /你的判断|Your call/ }).waitFor();
    expect(await revisit(page)).toBe('report');
  });

  it('gives the page back to the classifier', async () => {
    await panel.bringToFront();
    await panel.getByRole('button', { name: /恢复自动判断|Let Pizhu judge again/ }).click();
    await expect.poll(kind).toBe('none');
    expect(await revisit(page)).toBe('none');
  });
});
