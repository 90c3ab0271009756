// Extension storage is the extension's own: a content script (whose renderer a hostile page shares) cannot read
// it, and still gets the user's switches, from the background.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, readHighlights, visit, type ExtensionBrowser } from './harness';

/** What the tests use of the extension API, in the worker and the isolated world. */
interface Chrome {
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  scripting: { executeScript(o: { target: { tabId: number }; func: () => Promise<string> }): Promise<Array<{ result: unknown }>> };
}
declare const chrome: Chrome;

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await visit(page, browser.urlFor('zhangdian-2017-report'));
});
afterAll(async () => {
  await browser?.close();
});

describe('extension storage', () => {
  it('cannot be read from the content scripts’ world', async () => {
    const answer = await browser.serviceWorker.evaluate(async (url) => {
      await chrome.storage.local.set({ probe: 'secret' });
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      // A function injected into the isolated world runs with a content script's rights.
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab.id! },
        func: async () => {
          try {
            return JSON.stringify(await chrome.storage.local.get(null));
          } catch (e) {
            return `refused: ${e instanceof Error ? e.message : String(e)}`;
          }
        },
      });
      return result.result as string;
    }, page.url());
    expect(answer).toMatch(/^refused/);
    expect(answer).not.toContain('secret');
  });

  it('still brings the user’s switches to the page, through the background', async () => {
    expect(await readHighlights(page, 'pizhu-figure')).not.toEqual([]);
    await browser.serviceWorker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? { disabledSites: [] }), categories: { docno: true, figure: false, date: true } } });
    });
    await expect.poll(() => readHighlights(page, 'pizhu-figure')).toEqual([]);
    expect(await readHighlights(page, 'pizhu-docno')).not.toEqual([]);
  });
});
