// Extension storage is the extension's own: in Chromium a content script (whose renderer a hostile page shares)
// cannot read it (storage.local.setAccessLevel; Firefox has no such switch: see the README on credentials).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';

/** What the test uses of the extension API, in the worker and in the isolated world. */
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
    const answer = await browser.evaluateInExtension(async (url) => {
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
});
