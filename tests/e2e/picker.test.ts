// The tag picker never hides what is being tagged: placed beside the passage and inside the window at 1280×700 and
// 800×600, the passage marked while focus is in the picker, Tab kept inside it, Escape giving focus back; a term that
// nothing matches added to the codebook there and then; a tagged passage's terms and note shown on hover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import {
  type Box,
  clickGuest,
  guestBox,
  guestText,
  highlightTexts,
  intersects,
  nameCoder,
  picker,
  pickerBox,
  pickerFrame,
  pickerStill,
  selectPhrase,
} from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
const REPORT = 'zhangdian-2017-report';

beforeAll(async () => {
  browser = await launchWithExtension();
  // Named already: the first-use prompt (coder.test.ts) is not what these tests are about.
  await nameCoder(browser, '测试员');
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const pickerShown = async () => (await pickerBox(page)) !== null && (await picker(page).count()) === 1;
const inViewport = (b: Box) => {
  const v = page.viewportSize()!;
  return b.left >= 0 && b.top >= 0 && b.right <= v.width && b.bottom <= v.height;
};

/** Selects `phrase` (standing at `at` of the window's height), opens the picker from the button, returns both boxes. */
async function openFor(phrase: string, at?: number): Promise<{ passage: Box; picker: Box }> {
  await selectPhrase(page, phrase, { at });
  await expect.poll(() => guestBox(page, '.tag-button')).not.toBeNull();
  await clickGuest(page, '.tag-button');
  await expect.poll(pickerShown).toBe(true);
  // Where the picker comes to rest: it is placed again once it has fitted itself to its place, and again when the
  // page scrolls under it.
  await pickerStill(page);
  // The passage as it stands now (the page may have scrolled sideways while the mouse dragged).
  const now = await page.evaluate(() => {
    const r = ([...CSS.highlights.get('pizhu-pending')!] as Range[])[0].getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
  return { passage: now, picker: (await pickerBox(page))! };
}

async function close(): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(pickerShown).toBe(false);
}

describe('where the picker opens', () => {
  const cases: Array<[string, number, string, number | undefined]> = [
    ['1280×700, a passage low in the window (where the picker used to cover it)', 1280, '精简率达48.6%', 0.8],
    ['1280×700, a passage in the middle', 1280, '将全区177项行政审批事项压缩至92项', undefined],
    ['1280×700, a passage at the right edge', 1280, '办结时限', 0.3],
    ['800×600, a passage in the middle (no room above or below at full height)', 800, '将全区177项行政审批事项压缩至92项', undefined],
    ['800×600, a passage of three lines', 800, '简化优化公共服务流程,将全区177项行政审批事项压缩至92项,精简率达48.6%,办结时限缩短70%以上。累计清理取消143项各类无谓证明和繁琐手续', 0.45],
    ['800×600, a passage near the bottom', 800, '累计清理取消143项各类无谓证明和繁琐手续', 0.85],
  ];
  it.each(cases)('%s: beside it, inside the window, its whole content shown', async (_name, width, phrase, at) => {
    await page.setViewportSize({ width, height: width === 800 ? 600 : 700 });
    await visit(page, browser.urlFor(REPORT));
    const { passage, picker: box } = await openFor(phrase, at);
    expect(intersects(box, passage), `picker ${JSON.stringify(box)} over passage ${JSON.stringify(passage)}`).toBe(false);
    expect(inViewport(box), `picker ${JSON.stringify(box)}`).toBe(true);
    // The frame is as tall as the picker in it (it said its size): nothing cut off at the bottom.
    const frame = (await pickerFrame(page))!;
    const fits = await frame.evaluate(() => {
      const dialog = document.querySelector('[role="dialog"]')!.getBoundingClientRect();
      return dialog.bottom <= innerHeight + 0.5 && dialog.right <= innerWidth + 0.5;
    });
    expect(fits).toBe(true);
    expect(await frame.getByRole('button', { name: /完成|Done/ }).isVisible()).toBe(true);
    await close();
  });
});

describe('while the picker is open', () => {
  const PASSAGE = '将全区177项行政审批事项压缩至92项';

  it('marks the passage (focus is in the picker, the page’s selection fades) and unmarks it on close', async () => {
    await page.setViewportSize({ width: 1280, height: 700 });
    await visit(page, browser.urlFor(REPORT));
    await openFor(PASSAGE);
    expect(await highlightTexts(page, 'pizhu-pending')).toEqual([PASSAGE]);
    const frame = (await pickerFrame(page))!;
    expect(await frame.evaluate(() => document.hasFocus() && document.activeElement?.matches('input[type="search"]'))).toBe(true);
    await close();
    expect(await highlightTexts(page, 'pizhu-pending')).toEqual([]);
  });

  it('keeps Tab and Shift+Tab inside it, and Escape gives the keys back to the page', async () => {
    await visit(page, browser.urlFor(REPORT));
    await openFor(PASSAGE);
    const frame = (await pickerFrame(page))!;
    const focusInDialog = () => frame.evaluate(() => document.hasFocus() && !!document.activeElement?.closest('[role="dialog"]'));
    const visited = new Set<string>();
    for (const key of [...Array(8).fill('Tab'), ...Array(8).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect(await focusInDialog(), `after ${key}`).toBe(true);
      visited.add(await frame.evaluate(() => document.activeElement!.outerHTML.slice(0, 40)));
    }
    expect(visited.size).toBeGreaterThanOrEqual(3); // the filter, the note, Done: Tab went round, not nowhere

    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      document.addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(e.key));
    });
    await close();
    // Not a letter: letters and digits are the codebook's one-key shortcuts, and the passage is still selected.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual(['ArrowDown']);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });
});

describe('a term that is not in the codebook', () => {
  const PASSAGE = '累计清理取消143项各类无谓证明和繁琐手续';
  const NEW_TERM = '证明事项清理';

  it('is offered when nothing matches, added with Enter and applied at once, and offered on the next passage', async () => {
    await page.setViewportSize({ width: 1280, height: 700 });
    await visit(page, browser.urlFor(REPORT));
    await openFor(PASSAGE);
    const frame = (await pickerFrame(page))!;
    await page.keyboard.type(NEW_TERM);
    await expect.poll(() => frame.locator('.add button').textContent()).toContain(NEW_TERM);
    await page.keyboard.press('Enter');
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
    await expect.poll(() => frame.locator('.chip').textContent()).toContain(`U1 ${NEW_TERM}`);
    await close();

    const stored = await browser.evaluateInExtension(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('pizhu');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const read = <T,>(store: string) =>
        new Promise<T[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
        });
      const terms = await read<{ id: string; label: { zh: string }; scheme: string }>('terms');
      const annotations = await read<{ terms: string[]; quote: { exact: string } }>('annotations');
      db.close();
      return { terms, annotations };
    }, undefined);
    const term = stored.terms.find((t) => t.label.zh === NEW_TERM)!;
    expect(term.scheme).toMatch(/#added-while-tagging$/);
    expect(stored.annotations.find((a) => a.quote.exact === PASSAGE)?.terms).toEqual([term.id]);

    await openFor('办结时限缩短70%以上');
    await page.keyboard.type('证明事项');
    await expect.poll(() => frame.locator('.term .label').allTextContents()).toEqual([NEW_TERM]);
    await close();
  });

  it('says why when it cannot be added, and stores nothing', async () => {
    await openFor('区级取消');
    const frame = (await pickerFrame(page))!;
    await frame.locator('input[type="search"]').fill('很长的编码名称'.repeat(12));
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.getByRole('alert').textContent()).toMatch(/80/);
    await close();
    expect(await highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
  });
});

describe('hovering a tagged passage', () => {
  it('shows its terms and note beside it, and nothing once the pointer leaves', async () => {
    const PASSAGE = '村(社区)取消30项';
    await openFor(PASSAGE);
    await page.keyboard.type('放管服');
    await page.keyboard.press('Enter');
    await picker(page).locator('textarea').click();
    await page.keyboard.type('村级证明');
    await picker(page).getByRole('button', { name: /完成|Done/ }).click();
    await expect.poll(pickerShown).toBe(false);
    await page.evaluate(() => getSelection()?.removeAllRanges());

    const passage = await page.evaluate((text) => {
      const range = ([...CSS.highlights.get('pizhu-annotation')!] as Range[]).find((r) => r.toString() === text)!;
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }, PASSAGE);
    await page.mouse.move(passage.left + 6, (passage.top + passage.bottom) / 2);
    await expect.poll(() => guestText(page, '.card.annotation')).toContain('村级证明');
    expect(await guestText(page, '.card.annotation')).toContain('“放管服”改革');
    const card = (await guestBox(page, '.card.annotation'))!;
    expect(intersects(card, passage)).toBe(false);
    await page.mouse.move(5, 5);
    await expect.poll(() => guestText(page, '.card.annotation')).toBe('');
  });
});
