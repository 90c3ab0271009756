// Finding one's way among a page's annotations: previous / next from the keyboard (keys on the page and the
// commands), the overview bar at the window's edge, and the note on the page as a whole written in the side panel.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedShadowRoots, launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { download, openLibrary, tempDir, W3C_CHECK } from './library-helpers';
import { clickGuest, guestBox, highlightTexts, openSidePanel, picker as pickerIn, pickerBox, selectPhrase } from './page-helpers';

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

describe('the note on the page as a whole', () => {
  const MEMO = '整篇报告：数据翔实，但未列出复议纠错率。';

  async function annotationsPanel(): Promise<Page> {
    const panel = await openSidePanel(browser, page);
    await panel.getByRole('tab', { name: /批注|Annotations/ }).click();
    await panel.locator('.page-note textarea').waitFor();
    return panel;
  }

  it('is written in the side panel, above the passages, and kept', async () => {
    const panel = await annotationsPanel();
    await panel.locator('.page-note textarea').fill(MEMO);
    await panel.getByRole('button', { name: /保存备忘|Save note/ }).click();
    await expect.poll(() => panel.locator('.page-note [role="status"]').textContent()).toMatch(/已保存|Saved/);
    // The two passages are still the list; the memo is not one of them.
    expect(await panel.locator('.annotation-list .annotation').count()).toBe(2);
    await panel.close();
  });

  it('comes back after a reload, and no highlight is drawn for it', async () => {
    await page.reload();
    await visit(page, browser.urlFor(REPORT));
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([FIRST, SECOND]);
    const panel = await annotationsPanel();
    await expect.poll(() => panel.locator('.page-note textarea').inputValue()).toBe(MEMO);
    await panel.close();
  });

  it('is listed in the library and exported as a W3C annotation whose target is the page', async () => {
    const library = await openLibrary(browser);
    await library.locator('#library-count[data-count="3"]').waitFor();
    expect(await library.locator('.lib-quote').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^(（整页）|\(whole page\))$/)]));
    const temp = tempDir('pizhu-page-note-');
    const file = await download(library, /JSON/, 'page-note.jsonld', temp.dir);
    const out = execFileSync('node', [W3C_CHECK, file], { encoding: 'utf8' });
    expect(out).toContain('checked 3 annotation(s)');
    expect(out).toMatch(/\b0 failed/);
    const items = JSON.parse(fs.readFileSync(file, 'utf8')).first.items as Record<string, unknown>[];
    const memo = items.find((a) => JSON.stringify(a).includes(MEMO))!;
    expect(memo).toBeDefined();
    // The page itself, no selector: a note on the whole of it.
    expect(memo.target).toMatchObject({ id: page.url(), type: 'Text' });
    expect(JSON.stringify(memo.target)).not.toContain('selector');
    await library.close();
  });
});

describe('the overview bar', () => {
  /** The marks' boxes on the bar, top to bottom. */
  const marks = () => closedShadowRoots.evaluate(page, (roots) => roots.flatMap((root) => [...root.querySelectorAll('.bar .mark')].map((m) => {
    const b = m.getBoundingClientRect();
    return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, label: m.getAttribute('aria-label') };
  })), null);

  it('shows a mark per annotation at its place on the page, at the window\'s edge (the memo has none)', async () => {
    await expect.poll(async () => (await marks()).length).toBe(2);
    const [first, second] = await marks();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    for (const mark of [first, second]) {
      expect(mark.right).toBeCloseTo(width, 0);
      expect(mark.right - mark.left).toBeLessThanOrEqual(8);
      expect(mark.label).toMatch(/标注|annotation/i);
    }
    // Where the passages are on the page, as a share of its height.
    const shares = await page.evaluate(([a, b]) => [a, b].map((text) => {
      const range = ([...CSS.highlights.get('pizhu-annotation')!] as Range[]).find((r) => r.toString() === text)!;
      return (range.getBoundingClientRect().top + scrollY) / document.documentElement.scrollHeight;
    }), [FIRST, SECOND]);
    const height = await page.evaluate(() => innerHeight);
    expect(first.top / height).toBeCloseTo(shares[0], 1);
    expect(second.top / height).toBeCloseTo(shares[1], 1);
    // Scrolling moves no mark: they stand for places on the page.
    await page.evaluate(() => window.scrollTo(0, 2000));
    await page.waitForTimeout(100);
    expect((await marks())[1].top).toBeCloseTo(second.top, 0);
  });

  it('goes to the passage of the mark clicked', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await clickGuest(page, '.bar .mark:last-child');
    await expect.poll(focused).toEqual({ text: SECOND, inView: true });
    await clickGuest(page, '.bar .mark:first-child');
    await expect.poll(focused).toEqual({ text: FIRST, inView: true });
  });

  it('is not on a page without annotations', async () => {
    await visit(page, browser.urlFor('xicheng-2022-report'));
    await page.waitForTimeout(500);
    expect(await guestBox(page, '.bar')).toBeNull();
  });
});
