// Things end-to-end tests do on a page as a user would: select a passage, open the side panel for a tab, and reach
// Pizhu's own UI on the page (its closed shadow root and the picker's frame).
import { closedShadowRoots, type ExtensionBrowser, type Frame, type Locator, type Page } from './harness';

/**
 * Selects the first occurrence of `phrase` in the page's text with a real mouse drag, as a reader does (Pizhu acts on
 * trusted input only), and checks that exactly the phrase was selected. Resolves to the phrase's box.
 */
export async function selectPhrase(page: Page, phrase: string, { at }: { at?: number } = {}): Promise<Box> {
  // A reader selects in the tab in front (after a side panel opened as a tab of its own, it may not be), once
  // Pizhu's annotations are ready on the page (its pizhu:annotations measure): they wait for the background, which in
  // a fresh Firefox profile can take longer than the recognition does.
  await page.bringToFront();
  await page.waitForFunction(() => performance.getEntriesByName('pizhu:annotations').length > 0, null, { timeout: 8000 });
  const found = await page.evaluate(async ({ phrase, at }) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let range: Range | null = null;
    while (!range && walker.nextNode()) {
      const node = walker.currentNode as Text;
      const offset = node.data.indexOf(phrase);
      if (offset < 0) continue;
      range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + phrase.length);
    }
    if (!range) return null;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Until the page stands still: a scroll still under way (a reveal from the panel, a scroll to the end) would
    // move the text from under the mouse.
    for (let tries = 0; tries < 10; tries++) {
      // `at`: where the phrase should stand, as a fraction of the window's height; centred by default.
      const box = range.getBoundingClientRect();
      const top = box.top - (at ?? 0.5) * innerHeight + (at === undefined ? box.height / 2 : 0);
      // A narrow window over a wide page: bring the phrase in sideways too.
      const left = box.left < 0 ? box.left - 20 : box.right > innerWidth ? Math.min(box.left - 20, box.right - innerWidth + 20) : 0;
      window.scrollBy({ top, left, behavior: 'instant' });
      const before = [scrollX, scrollY];
      await frame();
      if (scrollX === before[0] && scrollY === before[1]) break;
    }
    getSelection()?.removeAllRanges();
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = rects[0];
    const last = rects[rects.length - 1];
    const b = range.getBoundingClientRect();
    return {
      from: { x: first.left + 1, y: (first.top + first.bottom) / 2 },
      to: { x: last.right - 1, y: (last.top + last.bottom) / 2 },
      box: { left: b.left, top: b.top, right: b.right, bottom: b.bottom },
    };
  }, { phrase, at });
  if (!found) throw new Error(`phrase not on the page: ${phrase}`);
  await page.mouse.move(found.from.x, found.from.y);
  await page.mouse.down();
  await page.mouse.move(found.to.x, found.to.y, { steps: 8 });
  await page.mouse.up();
  const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
  if (selected !== phrase) throw new Error(`selected “${selected}” instead of “${phrase}”`);
  return found.box;
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

// Pizhu's UI on a page is in a closed shadow root (the page cannot reach it), and the picker in a frame of the
// extension's origin held by an element there. A test reaches them as the browser's own tools do (closedShadowRoots:
// the DevTools protocol in Chromium, WebDriver BiDi in Firefox), and acts on them with the real mouse and keyboard.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The border box (viewport coordinates) of the first element matching `selector` in a closed shadow root of the page
 * (Pizhu's: the page has no other), or null when there is none or it is not rendered.
 */
export function guestBox(page: Page, selector: string): Promise<Box | null> {
  return closedShadowRoots.evaluate(page, (roots, selector) => {
    for (const root of roots) {
      const element = root.querySelector(selector);
      if (!element) continue;
      if (element.getClientRects().length === 0) return null;
      const b = element.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    }
    return null;
  }, selector);
}

/** A property of the first element matching `selector` in Pizhu's shadow root, or undefined when there is none. */
function guestProperty(page: Page, selector: string, property: string): Promise<unknown> {
  return closedShadowRoots.evaluate(page, (roots, { selector, property }) => {
    for (const root of roots) {
      const element = root.querySelector(selector);
      if (element) return (element as unknown as Record<string, unknown>)[property];
    }
    return undefined;
  }, { selector, property });
}

/** The text of the first element matching `selector` in Pizhu's shadow root ('' when there is none). */
export async function guestText(page: Page, selector: string): Promise<string> {
  return String((await guestProperty(page, selector, 'textContent')) ?? '');
}

/** The address the picker's frame was loaded from (in Chrome, the extension's per-session address). */
export async function pickerSource(page: Page): Promise<string> {
  return String(await guestProperty(page, 'iframe.picker-frame', 'src'));
}

/**
 * Clicks the centre of an element of Pizhu's UI with the real mouse (a trusted click, as a user's), once it is shown:
 * the tag button comes a moment after the selection (a timer after mouseup), later on a loaded machine.
 */
export async function clickGuest(page: Page, selector: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let box = await guestBox(page, selector);
  while (!box && Date.now() < end) {
    await page.waitForTimeout(100);
    box = await guestBox(page, selector);
  }
  if (!box) throw new Error(`nothing of Pizhu's UI matches ${selector} within ${timeout} ms; ${await guestState(page)}`);
  await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
}

/** What a failure needs to be understood: the page's selection and focus, how often Pizhu read the page, its UI. */
async function guestState(page: Page): Promise<string> {
  const onPage = await page.evaluate(() => ({
    selection: getSelection()?.toString().slice(0, 60),
    focus: document.hasFocus(),
    visibility: document.visibilityState,
    readings: performance.getEntriesByName('pizhu:annotations').length,
  })).catch((e: Error) => e.message);
  const ui = await closedShadowRoots.evaluate(page, (roots) => roots.map((root) => root.innerHTML.replace(/<style>[^]*?<\/style>/g, '').slice(0, 400)), null)
    .catch((e: Error) => e.message);
  return `page: ${JSON.stringify(onPage)}; Pizhu's UI: ${JSON.stringify(ui)}`;
}

/** The tag picker's frame, once the content script has made it (null before). */
export function pickerFrame(page: Page): Promise<Frame | null> {
  return closedShadowRoots.frame(page, 'iframe.picker-frame');
}

/** The shown picker's box on the page, or null while it is closed (or not yet placed). */
export function pickerBox(page: Page): Promise<Box | null> {
  return guestBox(page, 'iframe.picker-frame.open');
}

/** The picker's dialog inside its frame (count 0 while the picker is closed, or before its frame is made). */
export function picker(page: Page): Locator {
  return locatorInFrame(() => pickerFrame(page), (frame) => frame.locator('[role="dialog"]'), () => pickerStill(page));
}

/**
 * Resolves once the open picker stands still on the page (its box the same three times, 120 ms apart). The content
 * script places the frame again when the picker's content grows (a term applied adds its chip) and after the frame has
 * fitted itself to its place (a round trip of messages, which on a loaded machine can outlast one interval), and a
 * click aimed at a button in it just before would land where the button was: Playwright's own check that an element
 * stands still looks inside the frame, which does not see the frame itself move. A closed picker is still too. Fails
 * when the picker has not come to rest within 10 s.
 */
export async function pickerStill(page: Page): Promise<void> {
  const end = Date.now() + 10_000;
  let before = JSON.stringify(await pickerBox(page));
  let same = 0;
  for (;;) {
    await page.waitForTimeout(120);
    const now = JSON.stringify(await pickerBox(page));
    same = now === before ? same + 1 : 0;
    if (same >= 2) return;
    // A picker that never comes to rest is a failure of its own, not a click to land somewhere.
    if (Date.now() > end) throw new Error(`the picker did not stand still within 10 s: ${before} → ${now}`);
    before = now;
  }
}

/**
 * A locator inside the frame `find` resolves to, found afresh at each use as with Playwright's frameLocator (which
 * cannot look into a closed root for the frame): while there is no frame it counts nothing, and actions wait for one;
 * a click waits for the frame to stand `still` on the page.
 */
function locatorInFrame(find: () => Promise<Frame | null>, make: (frame: Frame) => Locator, still: () => Promise<void>): Locator {
  const within = (next: (locator: Locator) => Locator) => locatorInFrame(find, (frame) => next(make(frame)), still);
  const resolved = async () => {
    const end = Date.now() + 30_000;
    for (;;) {
      const frame = await find();
      if (frame) return make(frame);
      if (Date.now() > end) throw new Error('waiting for the frame: not within 30000 ms');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const orNothing = async <T>(ask: (locator: Locator) => Promise<T>, nothing: T) => {
    const frame = await find();
    return frame ? ask(make(frame)) : nothing;
  };
  return {
    first: () => within((l) => l.first()),
    locator: (selector, options) => within((l) => l.locator(selector, options)),
    getByRole: (role, options) => within((l) => l.getByRole(role, options)),
    filter: (options) => within((l) => l.filter(options)),
    click: async () => {
      const locator = await resolved();
      await still();
      await locator.click();
    },
    fill: async (value) => (await resolved()).fill(value),
    press: async (key) => (await resolved()).press(key),
    check: async () => (await resolved()).check(),
    uncheck: async () => (await resolved()).uncheck(),
    selectOption: async (option) => (await resolved()).selectOption(option),
    textContent: async () => (await resolved()).textContent(),
    inputValue: async () => (await resolved()).inputValue(),
    getAttribute: async (name) => (await resolved()).getAttribute(name),
    isVisible: () => orNothing((l) => l.isVisible(), false),
    isDisabled: async () => (await resolved()).isDisabled(),
    count: () => orNothing((l) => l.count(), 0),
    allTextContents: () => orNothing((l) => l.allTextContents(), [] as string[]),
    waitFor: async (options) => {
      const gone = options?.state === 'detached' || options?.state === 'hidden';
      if (gone && !(await find())) return;
      await (await resolved()).waitFor(options);
    },
  };
}

/** The box of the page's current selection, or null. */
export function selectionBox(page: Page): Promise<Box | null> {
  return page.evaluate(() => {
    const s = getSelection();
    if (!s || s.rangeCount === 0 || s.isCollapsed) return null;
    const r = s.getRangeAt(0).getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

export const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Names the coder in the extension's storage, as the tag picker's first-use prompt does (for tests not about it). */
export function nameCoder(browser: ExtensionBrowser, name: string): Promise<void> {
  return browser.evaluateInExtension(async (name) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await chrome.storage.local.set({ coder: { id: 'urn:uuid:00000000-0000-4000-8000-0000000000c0', name } });
  }, name);
}
