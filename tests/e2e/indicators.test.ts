// The library's Indicators view end to end: a reader tags something on each of 西城区's reports (2022–2024 of
// the district government, 2025 of its 司法局), which stores their texts; the view lines the government's three
// reports up by the year they cover, a cell opens its page at its sentence, a merge of two indicators holds
// across a reload and is split again, and the long and wide exports hold the table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { highlightTexts, selectPhrase } from './page-helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-indicators-e2e-'));
const YEARS = [2022, 2023, 2024, 2025];
/** A passage each report holds, tagged with a term's one-key shortcut. */
const PASSAGE: Record<number, string> = { 2022: '完善法治政府建设顶层设计', 2023: '完善法治政府建设顶层设计', 2024: '完善法治政府建设顶层设计', 2025: '推进法治政府建设主要举措和成效' };
const GOVERNMENT = '北京市西城区人民政府';

let browser: ExtensionBrowser;
let library: Page;
const url = (year: number) => browser.urlFor(`xicheng-${year}-report`);

/** Whether the background has stored the page's record with its text. */
function storedText(page: string): Promise<boolean> {
  return browser.evaluateInExtension(async (page) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pizhu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('pages')) return db.close(), false;
    const record = await new Promise<{ snapshot?: string } | undefined>((resolve) => {
      const req = db.transaction('pages').objectStore('pages').get(page);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
    });
    db.close();
    return typeof record?.snapshot === 'string' && record.snapshot.length > 0;
  }, page);
}

async function openIndicators(): Promise<void> {
  await library.getByRole('tab', { name: /指标|Indicators/ }).click();
  await library.locator('.ind-table').waitFor();
}

const row = (group: string) => library.locator(`.ind-table tr[data-group="${group}"]`);
const cell = (group: string, year: number) => row(group).locator(`td[data-year="${year}"]`);

async function download(name: RegExp, as: string): Promise<string> {
  const [d] = await Promise.all([library.waitForEvent('download', { timeout: 60_000 }), library.getByRole('button', { name }).click()]);
  const file = path.join(tmp, as);
  await d.saveAs(file);
  return file;
}

/** A CSV's lines without the BOM (checked) and the last line end. */
function csvLines(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).split('\r\n').filter(Boolean);
}

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the Indicators view', () => {
  it('gets the reports into the library as a reader does: a passage tagged on each keeps its text', async () => {
    const page = await browser.context.newPage();
    for (const year of YEARS) {
      await visit(page, url(year));
      await selectPhrase(page, PASSAGE[year]);
      await page.keyboard.press('4');
      await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE[year]]);
      await expect.poll(() => storedText(page.url()), { timeout: 10_000 }).toBe(true);
    }
    await page.close();
    library = await browser.context.newPage();
    await library.goto(browser.extensionUrl('library.html'));
    await library.locator('#library-count[data-total="4"]').waitFor();
  });

  it('lines up the district government’s reports by the year they cover, its 司法局 apart', async () => {
    await openIndicators();
    const issuers = library.locator('.ind-issuers label');
    expect(await issuers.allTextContents()).toEqual([expect.stringContaining(GOVERNMENT), expect.stringContaining('北京市西城区司法局')]);
    // The government, with the most reports, is chosen; the 司法局 is not.
    expect(await issuers.first().locator('input:checked').count()).toBe(1);
    expect(await library.locator('.ind-issuers label', { hasText: '司法局' }).locator('input:checked').count()).toBe(0);
    expect(await library.locator('.ind-reports li[data-year]').allTextContents()).toEqual([
      expect.stringMatching(/^2022.*2022年法治政府建设年度情况报告/),
      expect.stringMatching(/^2023.*2023年法治政府建设年度情况报告/),
      expect.stringMatching(/^2024.*2024年法治政府建设年度情况报告/),
    ]);
    expect(await library.locator('.ind-table thead th.ind-num').allTextContents()).toEqual(['2022', '2023', '2024']);
  });

  it('shows an indicator stated in two years with its values, and charts it', async () => {
    const group = '政策性文件草案向社会公开征集意见';
    expect(await row(group).locator('.ind-name .ind-label').textContent()).toBe(group);
    expect(await cell(group, 2022).textContent()).toBe('');
    expect(await cell(group, 2023).textContent()).toBe('21');
    expect(await cell(group, 2024).textContent()).toBe('14');
    expect(await row(group).locator('td.ind-unit').textContent()).toBe('件');
    await row(group).locator('.ind-name .ind-label').click();
    const chart = library.locator('.ind-detail .ind-chart svg');
    await chart.waitFor();
    expect(await chart.locator('.ind-point').count()).toBe(2);
    expect(await chart.locator('.ind-point[data-year="2023"] text').textContent()).toBe('21 件');
    expect(await chart.locator('.ind-year').allTextContents()).toEqual(['2022', '2023', '2024']);
  });

  it('opens a cell’s page at its sentence', async () => {
    const wanted = `${url(2023)}#:~:text=政策性文件草案向社会公开征集意见21件。`;
    await cell('政策性文件草案向社会公开征集意见', 2023).locator('a').click();
    // Read from the browser's tabs (the address as it shows it, and the page's title): a tab a link opens is not
    // one Firefox's driver reports as a new page, and Firefox drops the text directive from the document's URL.
    const opened = () => browser.evaluateInExtension(async (wanted) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string; title?: string; status?: string }[]> } } };
      const tab = (await chrome.tabs.query({})).find((t) => decodeURIComponent(t.url ?? '') === wanted);
      return tab ? { id: tab.id!, title: tab.status === 'complete' ? (tab.title ?? '') : '' } : null;
    }, wanted);
    await expect.poll(opened, { timeout: 15_000 }).not.toBeNull();
    try {
      // The title is the page's once it has loaded (before, Firefox shows the address).
      await expect.poll(async () => (await opened())?.title, { timeout: 15_000 }).toContain('西城区人民政府2023年法治政府建设年度情况报告');
    } finally {
      await browser.evaluateInExtension(async (id) => {
        const { chrome } = globalThis as unknown as { chrome: { tabs: { remove(id: number): Promise<void> } } };
        await chrome.tabs.remove(id);
      }, (await opened())!.id);
    }
  });

  it('merges two indicators into one row, keeps the merge across a reload, and splits it again', async () => {
    expect(await cell('主动公开信息', 2023).textContent()).toBe('22,432');
    expect(await cell('主动公开政府信息', 2024).textContent()).toBe('24,509');
    await row('主动公开信息').locator('input[type=checkbox]').check();
    await row('主动公开政府信息').locator('input[type=checkbox]').check();
    await library.getByRole('button', { name: /合并所选指标|Merge the ticked/ }).click();
    await library.getByRole('status').filter({ hasText: /已将 2 个指标合并|Merged 2 indicators/ }).waitFor();
    await expect.poll(() => row('主动公开政府信息').count()).toBe(0);
    expect(await cell('主动公开信息', 2023).textContent()).toBe('22,432');
    expect(await cell('主动公开信息', 2024).textContent()).toBe('24,509');

    await library.reload();
    await openIndicators();
    expect(await row('主动公开政府信息').count()).toBe(0);
    expect(await cell('主动公开信息', 2024).textContent()).toBe('24,509');
    await row('主动公开信息').getByRole('button', { name: /拆分“主动公开政府信息”|Split off “主动公开政府信息”/ }).click();
    await row('主动公开政府信息').waitFor();
    expect(await cell('主动公开信息', 2024).textContent()).toBe('');
    // Merged again for the exports below.
    await library.getByRole('button', { name: /撤销|Undo/ }).click();
    await expect.poll(() => row('主动公开政府信息').count()).toBe(0);
  });

  it('exports the table in long and wide format, as CSV and as a workbook', async () => {
    await library.bringToFront();
    const long = csvLines(await download(/长格式 CSV|Long CSV/, 'long.csv'));
    expect(long[0]).toBe('issuer,year,indicator,indicator_as_written,value,unit,qualifier,qualifier_words,figure,sentence,title,url,link');
    const merged = long.filter((l) => l.startsWith(`${GOVERNMENT},`) && l.includes(',主动公开信息,'));
    expect(merged).toEqual([
      expect.stringMatching(new RegExp(`^${GOVERNMENT},2023,主动公开信息,主动公开信息,22432,条,exact,,22432条,`)),
      expect.stringMatching(new RegExp(`^${GOVERNMENT},2024,主动公开信息,主动公开政府信息,24509,条,exact,,24509条,`)),
    ]);
    expect(merged[0]).toContain(`,${url(2023)},`);
    // Only the government's reports: the 司法局's 2025 is another issuer, not chosen.
    expect(long.slice(1).every((l) => l.startsWith(`${GOVERNMENT},202`))).toBe(true);
    expect(long.some((l) => l.includes(',2025,'))).toBe(false);

    const wide = csvLines(await download(/宽格式 CSV|Wide CSV/, 'wide.csv'));
    expect(wide[0]).toBe('indicator,issuer,unit,y2022,y2023,y2024');
    expect(wide).toContain(`主动公开信息,${GOVERNMENT},条,,22432,24509`);
    expect(wide).toContain(`政策性文件草案向社会公开征集意见,${GOVERNMENT},件,,21,14`);
    expect(wide.length).toBe(await library.locator('.ind-table tbody tr').count() + 1);

    const zip = unzipSync(new Uint8Array(fs.readFileSync(await download(/Excel/, 'indicators.xlsx'))));
    expect([...strFromU8(zip['xl/workbook.xml']).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['long', 'wide']);
  });

  it('adds the 司法局 beside the government when both are chosen', async () => {
    await library.locator('.ind-issuers label', { hasText: '司法局' }).locator('input').check();
    await expect.poll(() => library.locator('.ind-table thead th.ind-num').allTextContents()).toEqual(['2022', '2023', '2024', '2025']);
    // Its report is read from the stored text once chosen: its rows follow.
    const bureau = library.locator('.ind-table tbody tr', { hasText: '北京市西城区司法局' });
    await expect.poll(() => bureau.count()).toBeGreaterThan(0);
    expect(await bureau.first().locator('td[data-year="2025"]').textContent()).not.toBe('');
  });
});
