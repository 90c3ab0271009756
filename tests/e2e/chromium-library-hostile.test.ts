// Files and records that once froze, poisoned or wiped the library (issue 11), as a user meets them in Chromium with
// the built extension (Chromium's alone for now: it drives Playwright's page directly, and makes the background's
// IndexedDB fail from inside its service worker, which Firefox's driver cannot reach): a restore that is refused with a message and loses nothing (and a good one that keeps a copy
// of what it replaces), rows whose address is not a web page, the default codebook that failed to install at
// start-up and is tried again, a broken .qdc told by line and column, and the taxonomy editor with 5,000 terms.
// Each test starts from a database of its own (openFreshLibrary).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxonomyRecords } from '../../scripts/hostile-files.mjs';
import { openFreshLibrary } from '../../scripts/library-page.mjs';
import type { AnnotationRecord, PageRecord } from '../../model';
import { launchWithExtension, visit, type ExtensionBrowser } from '../../scripts/extension-browser.mjs';
import type { Page as DriverPage } from './driver';
import { clickGuest, guestText, picker as pickerIn, selectPhrase } from './page-helpers';

/** Playwright's page is what the driver's Page describes, in Chromium (see harness.ts). */
const driven = (page: Page) => page as unknown as DriverPage;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-hostile-e2e-'));
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeTemp(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

const PAGE_URL = 'https://www.example.gov.cn/zwgk/2024/report.html';
const NOW = '2024-05-01T08:00:00.000Z';
const pageRecord: PageRecord = { url: PAGE_URL, title: '某县2023年法治政府建设情况报告', kind: 'report', firstSeen: NOW, lastSeen: NOW };
const annotation = (n: number, sourceUrl = PAGE_URL): AnnotationRecord => ({
  id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  pageUrl: sourceUrl,
  sourceUrl,
  quote: { exact: `引文 ${n}`, prefix: '', suffix: '' },
  position: { start: n, end: n + 4 },
  terms: [],
  note: '',
  created: NOW,
  modified: NOW,
});

const total = (page: Page) => page.locator('#library-count').getAttribute('data-total').then(Number);

async function openBackupTab(page: Page) {
  await page.getByRole('tab', { name: /备份|Backup/ }).click();
  await page.getByRole('heading', { name: /恢复|Restore/ }).waitFor();
}

describe('restore', () => {
  it('refuses a backup that declares 3 annotations and holds none, and one nested 100,000 deep: nothing is lost', async () => {
    const page = await openFreshLibrary(browser, { pages: [pageRecord], annotations: [annotation(1), annotation(2), annotation(3)] });
    expect(await total(page)).toBe(3);
    await openBackupTab(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载备份|Download a backup/ }).click()]);
    const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(backup.counts.annotations).toBe(3);

    const emptied = { ...backup, tables: { ...backup.tables, annotations: [] } };
    await page.setInputFiles('.lib-backup input[type=file]', writeTemp('emptied.json', JSON.stringify(emptied)));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/声明 annotations 表有 3 条记录，实际只有 0 条[\s\S]*says its annotations table holds 3 records, but it holds 0/);
    expect(await page.getByRole('button', { name: /替换当前数据|Replace the current data/ }).count()).toBe(0);

    const deep = JSON.stringify(backup).replace('"note":""', `"note":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    await page.setInputFiles('.lib-backup input[type=file]', writeTemp('deep.json', deep));
    await alert.filter({ hasText: /nests too deep: more than 64 levels at line 1, column \d+/ }).waitFor();
    expect(await alert.textContent()).toMatch(/文件嵌套过深：第 1 行第 \d+ 列处超过 64 层/);

    await page.reload();
    await page.locator('#library-count[data-total="3"]').waitFor();
    await page.close();
  });

  it('refuses the date "yesterday", naming the field, and restores a position of 1e308 as no position', async () => {
    const page = await openFreshLibrary(browser, { pages: [pageRecord], annotations: [annotation(1)] });
    await openBackupTab(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载备份|Download a backup/ }).click()]);
    const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const patched = (patch: object) => {
      const bad = structuredClone(backup);
      bad.tables.annotations[0] = { ...bad.tables.annotations[0], ...patch };
      return JSON.stringify(bad);
    };
    await page.setInputFiles('.lib-backup input[type=file]', writeTemp('bad.json', patched({ created: 'yesterday' })));
    await page.getByRole('alert').filter({ hasText: /tables\.annotations\[0\]\.created/ }).waitFor();
    expect(await page.getByRole('button', { name: /替换当前数据|Replace the current data/ }).count()).toBe(0);
    // No text has a position of 1e308: the quote finds the passage again, as an import would have it.
    await page.setInputFiles('.lib-backup input[type=file]', writeTemp('far.json', patched({ position: { start: 1e308, end: -5 } })));
    await page.getByText(/1 条记录写法不规范|brought into shape as they are restored[^:]*: 1\./).waitFor();
    await page.close();
  });

  it('a good restore first downloads a backup of what it replaces', async () => {
    const page = await openFreshLibrary(browser, { pages: [pageRecord], annotations: [annotation(1)] });
    await openBackupTab(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载备份|Download a backup/ }).click()]);
    const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    // The same library with two more annotations, restored over the one-annotation library.
    backup.tables.annotations.push(annotation(2), annotation(3));
    backup.counts.annotations = 3;
    await page.setInputFiles('.lib-backup input[type=file]', writeTemp('three.json', JSON.stringify(backup)));
    const [kept] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /替换当前数据|Replace the current data/ }).click(),
    ]);
    expect(kept.suggestedFilename()).toMatch(/^pizhu-backup-before-restore-.*\.json$/);
    const before = JSON.parse(fs.readFileSync(await kept.path(), 'utf8'));
    expect(before.tables.annotations.map((a: AnnotationRecord) => a.id)).toEqual([annotation(1).id]);
    await page.getByRole('status').filter({ hasText: /pizhu-backup-before-restore-/ }).waitFor();
    await page.locator('#library-count[data-total="3"]').waitFor();
    await page.close();
  });
});

describe('rows whose address is not a web page', () => {
  it('are shown as text and not opened; a web page still opens', async () => {
    const schemes = ['data:text/html,<h1>hi</h1>', 'file:///etc/passwd', 'chrome://settings', 'javascript:alert(1)'];
    const records = schemes.map((url, i) => ({ ...annotation(i + 1, url), created: `2024-05-0${i + 1}T08:00:00.000Z` }));
    // A web page the harness serves, so that the tab it opens loads.
    const web = { ...annotation(9, browser.urlFor('zhangdian-2017-report')), created: '2024-05-09T08:00:00.000Z' };
    const page = await openFreshLibrary(browser, { pages: [pageRecord], annotations: [...records, web] });
    await page.locator('#library-count[data-total="5"]').waitFor();
    const opened: string[] = [];
    const onPage = (p: Page) => opened.push(p.url());
    browser.context.on('page', onPage);
    for (const url of schemes) {
      const row = page.locator(`.lib-row[data-id="${records[schemes.indexOf(url)].id}"]`);
      expect(await row.getAttribute('data-opens')).toBe('false');
      expect(await row.locator('[role=cell]').first().textContent()).toBe(url);
      await row.click();
      await page.locator('.lib-notice').filter({ hasText: url }).waitFor();
      expect(await page.locator('.lib-notice').textContent()).toMatch(/不是网页|not a web page/);
    }
    await page.waitForTimeout(500);
    browser.context.off('page', onPage);
    expect(opened).toEqual([]);
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), page.locator(`.lib-row[data-id="${web.id}"]`).click()]);
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url()).toContain(web.sourceUrl);
    await tab.close();
    await page.close();
  });
});

describe('the default codebook', () => {
  it('failed to install at start-up: the tag button says why, and works once the fault is gone', async () => {
    // A fresh profile: nothing has installed the default codebook yet. Its first write fails, as on a full disk.
    const other = await launchWithExtension();
    try {
      await other.serviceWorker.evaluate(() => {
        const g = globalThis as unknown as { __put?: typeof IDBObjectStore.prototype.put };
        g.__put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (this.name === 'taxonomies') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return g.__put!.apply(this, args);
        };
      });
      const page = await other.context.newPage();
      await visit(page, other.urlFor('zhangdian-2017-report'));
      await selectPhrase(driven(page), '将全区177项行政审批事项压缩至92项');
      await clickGuest(driven(page), '.tag-button');
      await expect.poll(() => guestText(driven(page), '.toast.error')).toMatch(/无法读取编码表|cannot read its codebook/);
      expect(await guestText(driven(page), '.toast.error')).toMatch(/存储空间已满|Storage is full/);

      await other.serviceWorker.evaluate(() => {
        IDBObjectStore.prototype.put = (globalThis as unknown as { __put: typeof IDBObjectStore.prototype.put }).__put;
      });
      await selectPhrase(driven(page), '将全区177项行政审批事项压缩至92项');
      await clickGuest(driven(page), '.tag-button');
      const picker = pickerIn(driven(page));
      await picker.locator('input[type="search"]').waitFor();
      await picker.locator('input[type="search"]').fill('放管服');
      await picker.locator('input[type="search"]').press('Enter');
      await expect.poll(() => page.evaluate(() => CSS.highlights.get('pizhu-annotation')?.size ?? 0)).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe('codebook files', () => {
  it('an empty .qdc is called empty, and a broken one is told by line and column, once', async () => {
    const page = await openFreshLibrary(browser);
    await page.getByRole('tab', { name: /分类表|Taxonomy/ }).click();
    await page.locator('.lib-version').waitFor();
    const alert = page.getByRole('alert');
    await page.setInputFiles('.lib-taxonomy input[type=file]', writeTemp('empty.qdc', ''));
    await alert.filter({ hasText: /empty/ }).waitFor();
    expect(await alert.textContent()).not.toMatch(/JSON/);
    await page.setInputFiles('.lib-taxonomy input[type=file]', writeTemp('broken.qdc', '<?xml version="1.0"?>\n<CodeBook>\n  <Codes><Code name=unquoted/></Codes>\n</CodeBook>\n'));
    await alert.filter({ hasText: /line 3, column \d+/ }).waitFor();
    const text = (await alert.textContent())!;
    expect(text).toMatch(/第 3 行第 \d+ 列/);
    expect(text).not.toMatch(/This page contains|Below is a rendering/);
    await page.close();
  });
});

describe('the taxonomy editor with 5,000 terms', () => {
  it('opens with the rows in view only, renames a term, says it saved, and moves one with the place picker', async () => {
    const { taxonomy, terms } = taxonomyRecords(5000);
    const page = await openFreshLibrary(browser, { taxonomies: [taxonomy], terms });
    await page.getByRole('tab', { name: /分类表|Taxonomy/ }).click();
    await page.locator('.lib-term').first().waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/中文名称|Chinese label/), expect.stringMatching(/快捷键|Shortcut/)]));
    // Windowed: a screenful of rows, not 5,000, and one list of places, not one per row.
    expect(await page.locator('.lib-term').count()).toBeLessThan(100);
    expect(await page.locator('option').count()).toBe(0);

    const first = page.locator('.lib-term').first().locator('input[type=text]').first();
    await first.fill('改过的名称');
    await first.press('Enter');
    await page.locator('.lib-version[data-version="2"]').waitFor();
    await page.getByRole('status').filter({ hasText: /已保存（第 2 版）|Saved \(version 2\)/ }).waitFor();
    expect(await page.locator('.lib-term').first().locator('input[type=text]').first().inputValue()).toBe('改过的名称');

    // The last term is reached by scrolling.
    await page.locator('.vt-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator(`.lib-term[data-term-id="${terms.at(-1)!.id}"]`).waitFor();

    // Move the second term (术语 2, a child of 术语 1) to the top of scheme B with the one picker.
    await page.locator('.vt-scroll').evaluate((el) => (el.scrollTop = 0));
    const second = page.locator(`.lib-term[data-term-id="${terms[1].id}"]`);
    await second.getByRole('button', { name: /移到|Move to/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('select').selectOption(`scheme:${taxonomy.schemes[1].id}`);
    await dialog.getByRole('button', { name: /选定这个位置|Choose this place/ }).click();
    await page.locator('.lib-version[data-version="3"]').waitFor();
    expect(await page.locator('option').count()).toBe(0);
    await page.close();
  });
});
