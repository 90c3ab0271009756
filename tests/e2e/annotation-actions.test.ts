// Annotations managed where they are listed: in the side panel, edit one's terms and note and delete it (with undo),
// and see the page follow; delete an orphan and attach one to the passage the reader selects where its text now
// stands. In the library, act on a selection of rows (delete, add a term) and see an open page follow.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixturesDir } from '../../scripts/serve-fixtures.mjs';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { openLibrary } from './library-helpers';
import { clickGuest, guestText, highlightTexts, openSidePanel, picker, pickerBox, selectPhrase } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;
let panel: Page;
const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';
const LOST = '精简率达48.6%';
const original = fs.readFileSync(path.join(sharedFixturesDir, 'pages', `${REPORT}.html`), 'utf8');

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Tags a passage from the picker with the term found by `search`. */
async function tag(phrase: string, search: string) {
  await selectPhrase(page, phrase);
  await clickGuest(page, '.tag-button');
  await expect.poll(async () => (await pickerBox(page)) !== null && (await picker(page).count()) === 1).toBe(true);
  await picker(page).locator('input[type="search"]').fill(search);
  await picker(page).locator('input[type="search"]').press('Enter');
  await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toContain(phrase);
  await picker(page).getByRole('button', { name: /完成|Done/ }).click();
  await expect.poll(() => picker(page).count()).toBe(0);
}

/** The hover card of the tagged passage `phrase`, as the reader sees it with the pointer on it. */
async function cardOf(phrase: string): Promise<string> {
  await page.bringToFront();
  const at = await page.evaluate((phrase) => {
    const r = ([...(CSS.highlights.get('pizhu-annotation') ?? [])] as Range[]).find((x) => x.toString() === phrase);
    if (!r) return null;
    r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0];
    return { x: b.left + Math.min(8, b.width / 2), y: b.top + b.height / 2 };
  }, phrase);
  if (!at) return '';
  await page.mouse.move(0, 0);
  await page.mouse.move(at.x, at.y, { steps: 2 });
  return guestText(page, '.card.annotation');
}

/** The page served with `html` in place of the fixture, as a site that changed its report. */
async function serve(html: string) {
  await page.route(browser.urlFor(REPORT), (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await visit(page, browser.urlFor(REPORT));
  await page.unroute(browser.urlFor(REPORT));
}

const item = (text: string) => panel.locator('.annotation-list li', { hasText: text });

describe('the side panel’s actions', () => {
  it('edits an annotation’s terms and note, and the page shows the change', async () => {
    await visit(page, browser.urlFor(REPORT));
    await tag(PASSAGE, '放管服');
    panel = await openSidePanel(browser, page);
    await panel.getByRole('tab', { name: /批注|Annotations/ }).click();
    await expect.poll(() => item(PASSAGE).count()).toBe(1);
    await item(PASSAGE).getByRole('button', { name: /^(编辑|Edit)$/ }).click();
    const editor = panel.locator('.annotation-editor');
    // Take the term off, add the first offered one, write a note.
    const before = await editor.locator('.editor-terms').textContent();
    expect(before).toContain('放管服');
    await editor.locator('.chip-remove').click();
    await editor.locator('select').selectOption({ index: 1 });
    const added = (await editor.locator('.editor-terms li').textContent())!.replace('×', '').trim();
    expect(added).not.toContain('放管服');
    await editor.locator('textarea').fill('核对：压减了85项');
    await editor.getByRole('button', { name: /^(保存|Save)$/ }).click();
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => item(PASSAGE).textContent()).toContain('核对：压减了85项');
    expect(await item(PASSAGE).locator('.terms').textContent()).toBe(added);
    // The page redrew with it: its hover card says the new term and note.
    await expect.poll(() => cardOf(PASSAGE)).toContain('核对：压减了85项');
    expect(await cardOf(PASSAGE)).not.toContain('放管服');
    // And it is stored: the next visit shows it.
    await visit(page, browser.urlFor(REPORT));
    await expect.poll(() => cardOf(PASSAGE)).toContain(added.split(' ').pop()!);
  });

  it('deletes an annotation, the page takes its highlight off, and undo puts it back', async () => {
    await panel.bringToFront();
    await expect.poll(() => item(PASSAGE).count()).toBe(1);
    await item(PASSAGE).getByRole('button', { name: /^(删除|Delete)$/ }).click();
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([]);
    await expect.poll(() => item(PASSAGE).count()).toBe(0);
    const notice = panel.locator('.panel-notice');
    expect(await notice.textContent()).toMatch(/已删除 1 条标注|1 annotation deleted/);
    await notice.getByRole('button', { name: /^(撤销|Undo)$/ }).click();
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
    await expect.poll(() => item(PASSAGE).textContent()).toContain('核对：压减了85项');
    await visit(page, browser.urlFor(REPORT));
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
  });
});

describe('orphans', () => {
  const withoutLost = () => original.replace(LOST, '');

  it('deletes an orphan (with undo)', async () => {
    await tag(LOST, '放管服');
    await serve(withoutLost());
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
    await panel.bringToFront();
    const orphan = () => panel.locator('.annotation-list li', { has: panel.locator('.annotation.orphan') });
    await expect.poll(() => orphan().count()).toBe(1);
    expect(await orphan().textContent()).toContain(LOST);
    await orphan().getByRole('button', { name: /^(删除|Delete)$/ }).click();
    await expect.poll(() => orphan().count()).toBe(0);
    await panel.locator('.panel-notice').getByRole('button', { name: /^(撤销|Undo)$/ }).click();
    await expect.poll(() => orphan().count()).toBe(1);
  });

  it('attaches an orphan to the passage the reader selects where its text now stands', async () => {
    const orphan = () => panel.locator('.annotation-list li', { has: panel.locator('.annotation.orphan') });
    const attach = () => orphan().getByRole('button', { name: /^(附到所选段落|Attach here)$/ }).click();
    // Nothing selected: it says what to do, and changes nothing.
    await page.bringToFront();
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await panel.bringToFront();
    await attach();
    await expect.poll(() => panel.locator('.panel-notice.error').textContent()).toMatch(/先在页面上选中|select, on the page/);
    expect(await orphan().count()).toBe(1);

    // The reader finds where the annotation belongs in the changed page, and selects it there.
    const moved = '办结时限缩短70%以上';
    await selectPhrase(page, moved);
    await panel.bringToFront();
    await attach();
    await expect.poll(() => orphan().count()).toBe(0);
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual(expect.arrayContaining([PASSAGE, moved]));
    expect(await item(moved).count()).toBeGreaterThan(0);
    // Kept where it was attached: the changed page shows it there on the next visit, with its term.
    await serve(withoutLost());
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual(expect.arrayContaining([PASSAGE, moved]));
    expect(await cardOf(moved)).toContain('放管服');
  });
});

describe('the library’s actions on a selection', () => {
  let library: Page;
  const moved = '办结时限缩短70%以上';
  const row = (text: string) => library.locator('.lib-row[data-id]', { hasText: text });

  it('adds a term to the selected rows, the open page shows it, and undo takes it off', async () => {
    library = await openLibrary(browser);
    await expect.poll(() => library.locator('.lib-row[data-id]').count()).toBe(2);
    await row(PASSAGE).locator('input[type="checkbox"]').check();
    await row(moved).locator('input[type="checkbox"]').check();
    const bar = library.locator('.lib-bulk');
    expect(await bar.textContent()).toMatch(/已选 2 条|2 selected/);
    // A term neither row carries: the codebook's last one offered.
    const add = bar.locator('select').first();
    const options = await add.locator('option').allTextContents();
    const index = options.length - 1;
    const label = options[index].split(' ').slice(1).join(' ');
    await add.selectOption({ index });
    await expect.poll(() => library.locator('.lib-undo').textContent()).toMatch(/已给 2 条标注添加|to 2 annotations/);
    expect(await library.locator('.lib-undo').textContent()).toContain(label);
    expect(await row(PASSAGE).locator('.lib-terms').textContent()).toContain(label);
    expect(await row(moved).locator('.lib-terms').textContent()).toContain(label);
    // The open report redrew with it, without a reload.
    await expect.poll(() => cardOf(moved)).toContain(label);
    await library.bringToFront();
    await library.locator('.lib-undo').getByRole('button', { name: /^(撤销|Undo)$/ }).click();
    await expect.poll(() => row(moved).locator('.lib-terms').textContent()).not.toContain(label);
    await expect.poll(() => cardOf(moved)).not.toContain(label);
  });

  it('deletes the selected rows, the open page takes their highlights off, and undo brings them back', async () => {
    await library.bringToFront();
    await library.locator('.lib-head input[type="checkbox"]').check();
    expect(await library.locator('.lib-bulk').textContent()).toMatch(/已选 2 条|2 selected/);
    await library.locator('.lib-bulk').getByRole('button', { name: /^(删除所选|Delete selected)$/ }).click();
    await expect.poll(() => library.locator('.lib-row[data-id]').count()).toBe(0);
    expect(await library.locator('.lib-undo').textContent()).toMatch(/已删除 2 条标注|2 annotations deleted/);
    expect(await library.locator('.lib-bulk').count()).toBe(0);
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([]);
    await library.locator('.lib-undo').getByRole('button', { name: /^(撤销|Undo)$/ }).click();
    await expect.poll(() => library.locator('.lib-row[data-id]').count()).toBe(2);
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual(expect.arrayContaining([PASSAGE, moved]));
  });

  it('edits one row’s note and deletes one row from its own buttons', async () => {
    await library.bringToFront();
    await row(moved).getByRole('button', { name: /^(编辑|Edit)$/ }).click();
    const editor = library.locator('.lib-edit');
    expect(await editor.textContent()).toContain(moved);
    await editor.locator('textarea').fill('时限另有统计');
    await editor.getByRole('button', { name: /^(保存|Save)$/ }).click();
    await expect.poll(() => editor.count()).toBe(0);
    expect(await row(moved).textContent()).toContain('时限另有统计');
    await expect.poll(() => cardOf(moved)).toContain('时限另有统计');
    await library.bringToFront();
    await row(PASSAGE).getByRole('button', { name: /^(删除|Delete)$/ }).click();
    await expect.poll(() => library.locator('.lib-row[data-id]').count()).toBe(1);
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([moved]);
  });
});
