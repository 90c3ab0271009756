// Things end-to-end tests do on a page as a user would: select a passage, open the side panel for a tab.
import type { ExtensionBrowser, Page } from './harness';

/**
 * Selects the first occurrence of `phrase` in the page's text (within one text node) and releases the mouse, once
 * Pizhu's annotations are ready on the page (its pizhu:annotations measure): they wait for the background, which
 * in a fresh Firefox profile can take longer than the recognition does.
 */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('pizhu:annotations').length > 0, null, { timeout: 8000 });
  const found = await page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const box = range.getBoundingClientRect();
      return { x: box.right - 2, y: box.top + box.height / 2 };
    }
    return null;
  }, phrase);
  if (!found) throw new Error(`phrase not on the page: ${phrase}`);
  // The mouseup that ends a drag selection: what makes Pizhu offer its button.
  await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
}

/** Texts of the ranges of a CSS highlight, in document order. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name);
    if (!h) return [];
    return ([...h] as Range[]).sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  }, name);
}

/** The side panel page (Firefox's sidebar page), opened in a page of its own and bound to `page`'s tab (?tab=ID). */
export async function openSidePanel(browser: ExtensionBrowser, page: Page): Promise<Page> {
  const url = page.url();
  const tabId = await browser.evaluateInExtension(async (url) => {
    type Tab = { id?: number; url?: string };
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } };
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id;
  }, url);
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  const panel = await browser.context.newPage();
  await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${tabId}`));
  return panel;
}
