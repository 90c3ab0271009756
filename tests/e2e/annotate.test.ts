// Tagging passages end to end: select, tag from the picker or with a one-key shortcut, see the highlight, come back
// to it on the next visit (also after the page changed a little), edit and delete with undo, list in the side panel.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixturesDir } from '../../scripts/serve-fixtures.mjs';
import { compareBodyWithServed, launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { clickGuest, highlightTexts, openSidePanel, picker as pickerIn, pickerBox, selectPhrase } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const picker = () => pickerIn(page);
const pickerShown = async () => (await pickerBox(page)) !== null && (await picker().count()) === 1;

describe('tagging a passage', () => {
  it('tags a selection from the button by it, shows it at once, and keeps it for the next visit', async () => {
    await visit(page, browser.urlFor(REPORT));
    await selectPhrase(page, PASSAGE);
    await clickGuest(page, '.tag-button');
    await expect.poll(pickerShown).toBe(true);
    await picker().locator('input[type="search"]').fill('放管服');
    await picker().locator('input[type="search"]').press('Enter');
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
    await picker().locator('textarea').fill('精简率 48.6%');
    await picker().getByRole('button', { name: /完成|Done/ }).click();
    await expect.poll(() => picker().count()).toBe(0);
    // The highlight was measured from Enter to the next frame.
    expect(await page.evaluate(() => performance.getEntriesByName('pizhu:tag').length)).toBeGreaterThan(0);

    await page.reload();
    await visit(page, browser.urlFor(REPORT));
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
  });

  it('colours the passage by its term with a sheet adopted by the document, adding nothing to the page', async () => {
    const rules = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)));
    expect(rules).toEqual(expect.arrayContaining([expect.stringMatching(/^::highlight\(pizhu-term-0\) \{ background-color: rgba\(/)]));
    const head = await page.evaluate(async () => {
      const html = await (await fetch(location.href, { cache: 'no-store' })).text();
      return { live: document.head.innerHTML, served: new DOMParser().parseFromString(html, 'text/html').head.innerHTML };
    });
    expect(head.live).toBe(head.served);
    const { appended, firstDifference } = await compareBodyWithServed(page);
    expect(firstDifference).toBeNull();
    expect(appended.length, `appended: ${appended.join(', ')}`).toBeLessThanOrEqual(1);
  });

  it('keeps a page record with what was recognised and the text as it was at the first annotation', async () => {
    const record = await browser.evaluateInExtension(async (url) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('pizhu');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const page = await new Promise<Record<string, string>>((resolve) => {
        const req = db.transaction('pages').objectStore('pages').get(url);
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return page;
    }, page.url());
    expect(record).toMatchObject({
      kind: 'report',
      title: '张店区人民政府关于2017年度法治政府建设情况的报告',
      docNumber: '张政字〔2018〕8号',
      published: '2018-03-07',
    });
    expect(record.snapshot).toContain(PASSAGE);
  });

  it('lists the annotation in the side panel with its term and note, and scrolls to it on click', async () => {
    const panel = await openSidePanel(browser, page);
    await panel.getByRole('tab', { name: /批注|Annotations/ }).click();
    const item = panel.locator('.annotation-list .annotation').first();
    await expect.poll(() => item.textContent()).toContain(PASSAGE);
    expect(await item.textContent()).toContain('精简率 48.6%');
    expect(await item.locator('.term-chip').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await item.click();
    // The report's tab is in view beside a real side panel: here the panel is a tab of its own in front of it.
    await page.bringToFront();
    // The passage is brought into view.
    await expect.poll(() => page.evaluate(() => {
      const r = ([...CSS.highlights.get('pizhu-annotation')!] as Range[])[0].getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);
    await panel.close();
  });

  it('tags a selection with a term’s one-key shortcut', async () => {
    await selectPhrase(page, '精简率达48.6%');
    await page.keyboard.press('4');
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE, '精简率达48.6%']);
  });

  it('opens the picker for the selection when the context menu or the keyboard command asks', async () => {
    await selectPhrase(page, '办结时限缩短70%以上');
    // What the background sends for the context-menu item and for Alt+Shift+A (messaging/channel.ts's envelope).
    await browser.evaluateInExtension(async (url) => {
      type Tab = { id?: number; url?: string };
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object): Promise<unknown> } };
      };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      await chrome.tabs.sendMessage(tab.id!, { pizhu: 'request', name: 'annotations:tag-selection' });
    }, page.url());
    await expect.poll(pickerShown).toBe(true);
    expect(await picker().locator('.quote').textContent()).toContain('办结时限缩短70%以上');
    await picker().locator('input[type="search"]').press('Escape');
    await expect.poll(() => picker().count()).toBe(0);
    // Nothing was applied, so nothing was stored or drawn.
    expect(await highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE, '精简率达48.6%']);
  });

  it('filters the side panel’s list by term', async () => {
    const panel = await openSidePanel(browser, page);
    await panel.getByRole('tab', { name: /批注|Annotations/ }).click();
    await expect.poll(() => panel.locator('.annotation-list .annotation').count()).toBe(2);
    const filter = panel.getByRole('combobox');
    const options = await filter.locator('option').allTextContents();
    expect(options.length).toBe(3); // all, and the two terms used
    await filter.selectOption({ index: 1 });
    expect(await panel.locator('.annotation-list .annotation').count()).toBe(1);
    await panel.close();
  });

  it('opens an annotation by clicking it, deletes it, and undoes the delete', async () => {
    const box = await page.evaluate(() => {
      const h = CSS.highlights.get('pizhu-annotation')!;
      const r = ([...h] as Range[]).find((x) => x.toString() === '精简率达48.6%')!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const b = r.getClientRects()[0];
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.mouse.click(box.x, box.y);
    await expect.poll(pickerShown).toBe(true);
    // The picker shows the annotation that was clicked before it is acted on, as a reader sees it.
    await expect.poll(() => picker().locator('.quote').textContent()).toContain('精简率达48.6%');
    await picker().getByRole('button', { name: /删除|Delete/ }).click();
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
    await clickGuest(page, '.toast button');
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE, '精简率达48.6%']);
    await page.reload();
    await visit(page, browser.urlFor(REPORT));
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE, '精简率达48.6%']);
  });
});

describe('coming back to a changed page', () => {
  const original = fs.readFileSync(path.join(sharedFixturesDir, 'pages', `${REPORT}.html`), 'utf8');
  const serve = async (html: string) => {
    await page.route(browser.urlFor(REPORT), (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await visit(page, browser.urlFor(REPORT));
    await page.unroute(browser.urlFor(REPORT));
  };

  it('re-anchors after text is inserted elsewhere and the markup changes', async () => {
    const edited = original
      .replace('<p>市政府:</p>', '<p>市政府:</p><p>(本报告已于2018年3月更新,增补了部分数据。)</p>')
      .replace('精简率达', '<span class="x">精简率达</span>');
    await serve(edited);
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE, '精简率达48.6%']);
  });

  it('re-anchors a passage edited by a character, and lists a deleted one as an orphan', async () => {
    const edited = original.replace('行政审批事项压缩至92项', '行政审批事项压减至92项').replace('精简率达48.6%', '');
    await serve(edited);
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual(['将全区177项行政审批事项压减至92项']);
    const panel = await openSidePanel(browser, page);
    await panel.getByRole('tab', { name: /批注|Annotations/ }).click();
    await expect.poll(() => panel.locator('.annotation.orphan').count()).toBe(1);
    expect(await panel.locator('.annotation.orphan').textContent()).toContain('精简率达48.6%');
    await panel.close();
  });
});
