// Finding one's way among a page's annotations: previous / next from the keyboard (keys on the page and the
// commands), the overview bar at the window's edge, and the note on the page as a whole written in the side panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { clickGuest, highlightTexts, picker as pickerIn, pickerBox, selectPhrase } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
const REPORT = 'zhangdian-2017-report';
const FIRST = '将全区177项行政审批事项压缩至92项';
const SECOND = '共收到行政复议申请176件';

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await visit(page, browser.urlFor(REPORT));
});
afterAll(async () => {
  await browser?.close();
});

const picker = () => pickerIn(page);

async function tag(phrase: string): Promise<void> {
  await selectPhrase(page, phrase);
  await clickGuest(page, '.tag-button');
  await expect.poll(async () => (await pickerBox(page)) !== null && (await picker().count()) === 1).toBe(true);
  await picker().locator('input[type="search"]').fill('放管服');
  await picker().locator('input[type="search"]').press('Enter');
  await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toContain(phrase);
  await picker().getByRole('button', { name: /完成|Done/ }).click();
  await expect.poll(() => picker().count()).toBe(0);
}

/** The passage marked as the one gone to, and whether it is in view. */
const focused = () => page.evaluate(() => {
  const h = CSS.highlights.get('pizhu-focus');
  const range = h && ([...h] as Range[])[0];
  if (!range) return null;
  const r = range.getBoundingClientRect();
  return { text: range.toString(), inView: r.top >= 0 && r.bottom <= innerHeight };
});

/** A click on the page where there is no text: the page has focus, nothing is selected. */
const focusPage = () => page.mouse.click(3, 3);

describe('previous and next annotation', () => {
  it('has two passages tagged far apart (made out of order)', async () => {
    await tag(SECOND);
    await tag(FIRST);
    expect(await highlightTexts(page, 'pizhu-annotation')).toEqual([FIRST, SECOND]);
  });

  it('goes to the next and previous annotation in document order with Alt+] and Alt+[', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await focusPage();
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(focused).toEqual({ text: FIRST, inView: true });
    await page.keyboard.press('Alt+BracketRight');
    await expect.poll(focused).toEqual({ text: SECOND, inView: true });
    await page.keyboard.press('Alt+BracketLeft');
    await expect.poll(focused).toEqual({ text: FIRST, inView: true });
  });

  it('steps from where the reader is once they scrolled away', async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.keyboard.press('Alt+BracketLeft');
    await expect.poll(focused).toEqual({ text: SECOND, inView: true });
  });

  it('leaves the keys to a field the reader types in', async () => {
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing-here';
      document.body.prepend(input);
      window.scrollTo(0, 0);
    });
    await page.locator('#typing-here').click();
    await page.keyboard.press('Alt+BracketRight');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.evaluate(() => document.getElementById('typing-here')!.remove());
  });

  it('does the same for the keyboard commands the background routes to the tab', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    // What the background sends for the next-annotation command (messaging/channel.ts's envelope).
    await browser.evaluateInExtension(async (url) => {
      type Tab = { id?: number; url?: string };
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object): Promise<unknown> } };
      };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      await chrome.tabs.sendMessage(tab.id!, { pizhu: 'request', name: 'annotations:step', data: { step: 1 } });
    }, page.url());
    await expect.poll(focused).toEqual({ text: FIRST, inView: true });
  });
});
