// The library's Agreement tab with the built extension, on fixture pages coded by two coders: their annotations come
// by the library's import (a JSON-LD file with creators), the pages' texts at the next visit. The table's figures
// are checked against what agreement/ computes from the same stored data, the CSV and the workbook downloaded, and
// a disagreement settled in the Adjudication view: the consensus coder's annotations appear in the library and in
// its JSON-LD export, and the decision is still there after the page is opened again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adjudicatePage, agreementReport, agreementTableRows, codersIn, consensusCoderId, pagesCodedBy, type Coder,
} from '../../agreement';
import type { AnnotationRecord, PageRecord } from '../../model';
import { launchWithExtension, visit, type Download, type ExtensionBrowser, type Page } from './harness';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-agreement-e2e-'));
// A page the test server does not serve: coded by both, but no text of it is ever stored.
const GONE = 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html';
const REVIEW = 'https://team.example/codes/review';
const FIGURES = 'https://team.example/codes/figures';
const OPENNESS = 'https://team.example/codes/openness';
const LI: Coder = { id: 'https://team.example/people/li', name: '李老师' };
const WANG: Coder = { id: 'https://team.example/people/wang', name: '王同学' };

let zhangdian = '';
let jingzhou = '';

/** Two coders' work on two served pages and one gone: agreed passages, a span and a term in dispute, lone marks. */
function collection() {
  let n = 0;
  const item = (coder: Coder, page: string, exact: string, terms: string[], prefix = '') => {
    n++;
    return {
      id: `urn:uuid:a9e00000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      type: 'Annotation',
      motivation: 'classifying',
      created: `2024-05-01T08:00:${String(n).padStart(2, '0')}.000Z`,
      modified: `2024-05-01T08:00:${String(n).padStart(2, '0')}.000Z`,
      creator: { id: coder.id, type: 'Person', name: coder.name },
      body: terms.map((t) => ({ type: 'SpecificResource', purpose: 'classifying', source: t })),
      target: { type: 'SpecificResource', source: { id: page, type: 'Text' }, selector: [{ type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}) }] },
    };
  };
  const items = [
    item(LI, zhangdian, '不断完善依法行政制度建设', [REVIEW]),
    item(WANG, zhangdian, '不断完善依法行政制度建设', [REVIEW]),
    item(LI, zhangdian, '积极推进行政复议标准化建设', [REVIEW]),
    // The text occurs twice on the page: the prefix says which (as a W3C export carries it).
    item(WANG, zhangdian, '推进行政复议标准化建设', [REVIEW], '积极'),
    item(LI, zhangdian, '精简率达48.6%', [FIGURES]),
    item(WANG, zhangdian, '精简率达48.6%', [OPENNESS]),
    item(WANG, zhangdian, '关停取缔“散乱污”企业767家', [FIGURES]),
    item(LI, jingzhou, '健全依法行政组织领导体系', [REVIEW]),
    item(WANG, jingzhou, '健全依法行政组织领导体系', [REVIEW]),
    item(LI, jingzhou, '共编制权力清单538项', [FIGURES]),
    item(WANG, jingzhou, '共编制权力清单538项', [FIGURES]),
    item(LI, jingzhou, '加大政府信息公开的力度', [OPENNESS]),
    item(LI, GONE, '行政复议案件纠错率为12.5%', [REVIEW]),
    item(WANG, GONE, '行政复议案件纠错率为12.5%', [FIGURES]),
  ];
  const concept = (id: string, zh: string, en: string, color: string) => ({ id, type: 'Concept', prefLabel: { zh, en }, color });
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld'],
    type: 'AnnotationCollection',
    total: items.length,
    first: { type: 'AnnotationPage', items },
    concepts: [
      concept(REVIEW, '行政复议', 'Administrative review', '#aa3300'),
      concept(FIGURES, '数字', 'Figures', '#0055aa'),
      concept(OPENNESS, '政务公开', 'Openness', '#228833'),
    ],
  };
}

async function openLibrary(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('library.html'));
  await page.locator('#library-count[data-total]').waitFor();
  return page;
}

async function download(page: Page, name: RegExp, as: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name }).click()]);
  const file = path.join(tmp, as);
  await (d as Download).saveAs(file);
  return file;
}

/** The database as the library page sees it (same origin as the background). */
function stored(page: Page): Promise<{ annotations: AnnotationRecord[]; pages: PageRecord[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pizhu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['annotations', 'pages']);
          const a = tx.objectStore('annotations').getAll();
          const p = tx.objectStore('pages').getAll();
          tx.oncomplete = () => {
            resolve({ annotations: a.result, pages: p.result });
            open.result.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function openAgreement(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /一致性|Agreement/ }).click();
}

let browser: ExtensionBrowser;
let library: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  zhangdian = browser.urlFor('zhangdian-2017-report');
  jingzhou = browser.urlFor('jingzhou-2017-report');
  library = await openLibrary(browser);
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('agreement and adjudication in the library', () => {
  it('says there is nobody to compare in an empty library', async () => {
    await openAgreement(library);
    await library.locator('[data-state="no-coders"]').waitFor();
    // One control answers to the tab's name (the evaluation drives it by name).
    expect(await library.getByRole('tab', { name: /一致性|Agreement/ }).count()).toBe(1);
  });

  it('imports two coders’ annotations and stores the pages’ texts at the next visit', async () => {
    await library.getByRole('tab', { name: /批注|Annotations/ }).first().click();
    const file = path.join(tmp, 'two-coders.jsonld');
    fs.writeFileSync(file, JSON.stringify(collection()));
    await library.setInputFiles('input[type=file]', file);
    await library.getByRole('region', { name: /导入预览|Import preview/ }).waitFor();
    await library.getByRole('button', { name: /确认导入|Import/ }).click();
    await library.locator('#library-count[data-total="14"]').waitFor();
    const tab = await browser.context.newPage();
    for (const url of [zhangdian, jingzhou]) {
      await visit(tab, url);
      const host = new URL(url).host.replace(/:\d+$/, '');
      await expect.poll(async () => (await stored(library)).pages.filter((p) => p.url.includes(host) && p.snapshot).length, { timeout: 10_000 }).toBe(1);
    }
    await tab.close();
  });

  it('shows the table as agreement/ computes it, names the page without a text, and downloads CSV and Excel', async () => {
    await library.reload();
    await library.locator('#library-count[data-total="14"]').waitFor();
    await openAgreement(library);
    await library.locator('#agreement-report[data-ready]').waitFor();

    const { annotations, pages } = await stored(library);
    const coders = codersIn(annotations).map(({ id, name }) => ({ id, name }));
    expect(coders.map((c) => c.id).sort()).toEqual([LI.id, WANG.id].sort());
    const chosen = pagesCodedBy(annotations, coders.map((c) => c.id));
    expect(chosen).toHaveLength(3);
    const withText = pages.filter((p) => chosen.includes(p.url) && p.snapshot);
    expect(withText).toHaveLength(2);
    const expected = agreementReport(withText, annotations, { coders });
    expect(expected.terms).toEqual([FIGURES, OPENNESS, REVIEW].sort());

    const shown = await library.evaluate(() =>
      [...document.querySelectorAll('tr.agr-row')].map((tr) => ({
        term: tr.getAttribute('data-term'),
        unit: tr.getAttribute('data-unit'),
        cells: Object.fromEntries([...tr.querySelectorAll('td[data-stat]')].map((td) => [td.getAttribute('data-stat'), [td.getAttribute('data-value'), td.textContent]])),
      })),
    );
    expect(shown).toHaveLength(expected.rows.length);
    for (const row of expected.rows) {
      const s = shown.find((x) => x.term === (row.term ?? 'all') && x.unit === row.unit)!;
      expect(s, `${row.term} ${row.unit}`).toBeDefined();
      const k = (row.cohen ?? row.fleiss)!.value;
      for (const [stat, value] of [['agreement', row.percent.value], ['kappa', k], ['alpha', row.alpha.value]] as const) {
        const [raw, text] = s.cells[stat];
        if (value === null) {
          expect(raw).toBe('');
          expect(text).toBe('—');
        } else {
          expect(Number(raw)).toBeCloseTo(value, 12);
          expect(text).toBe(value.toFixed(3));
        }
      }
    }
    // Every annotation was found in its page's text; some figures really are figures: a κ that is neither undefined
    // nor trivially 1 on the pooled characters.
    expect(expected.pages.flatMap((p) => p.unplaced)).toEqual([]);
    const pooled = expected.rows.find((r) => r.term === null && r.unit === 'character')!;
    expect(pooled.cohen!.value).not.toBeNull();
    expect(pooled.cohen!.value).toBeLessThan(1);

    // The page without a stored text is named, not measured.
    await expect(library.locator('.agr-missing').textContent()).resolves.toContain(GONE);
    // The counts behind a row, and the formula beside the table.
    await library.getByRole('button', { name: /计数：全部编码，字符|Counts: All terms, Characters/ }).click();
    await expect(library.locator('.agr-detail').textContent()).resolves.toContain(pooled.cohen!.working);
    await expect(library.locator('[data-formula="kappa"]').textContent()).resolves.toMatch(/Po − Pe/);

    // CSV: the columns the issue fixes, one row per term and unit, the figures rounded to four places.
    expect(await library.getByRole('button', { name: /CSV/ }).count()).toBe(1);
    const csv = fs.readFileSync(await download(library, /CSV/, 'agreement.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('term,unit,coders,agreement,kappa,alpha');
    const cell = (x: number | null) => (x === null ? '' : String(x));
    expect(lines.slice(1)).toEqual(agreementTableRows(expected).map((r) => [r.term, r.unit, r.coders, cell(r.agreement), cell(r.kappa), cell(r.alpha)].join(',')));
    expect(lines.filter((l) => l.startsWith('all,'))).toHaveLength(3);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[1]))).toEqual(new Set(['character', 'sentence', 'part']));
    expect(lines[1].split(',')[2]).toMatch(/李老师; 王同学|王同学; 李老师/);

    const xlsx = unzipSync(new Uint8Array(fs.readFileSync(await download(library, /Excel/, 'agreement.xlsx'))));
    const sheet = Object.keys(xlsx).find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))!;
    const shared = xlsx['xl/sharedStrings.xml'] ? strFromU8(xlsx['xl/sharedStrings.xml']) : '';
    expect(shared + strFromU8(xlsx[sheet])).toContain('kappa');
    expect(strFromU8(xlsx['xl/workbook.xml'])).toMatch(/一致性|Agreement/);
  });

  it('settles a disagreement: the consensus coder’s annotations appear in the library and its export, and stay', async () => {
    await library.getByRole('tab', { name: /裁决分歧|Adjudication/ }).click();
    const left = library.locator('#adjudication-left');
    await left.waitFor();

    const { annotations, pages } = await stored(library);
    const coders = codersIn(annotations).map(({ id, name }) => ({ id, name }));
    const consensus = { id: await consensusCoderId(coders.map((c) => c.id)), name: '' };
    const results = await Promise.all(pages.filter((p) => p.snapshot).map((p) =>
      adjudicatePage({ page: { url: p.url, text: p.snapshot! }, coders, annotations }, new Map(), { consensus, now: '' })));
    const total = results.reduce((s, r) => s + r.items.length, 0);
    // Zhangdian: the span of 行政复议 and the term of 48.6%, and one coder's lone mark; Jingzhou: one lone mark.
    expect(total).toBe(4);
    expect(await left.getAttribute('data-total')).toBe(String(total));
    expect(await left.getAttribute('data-left')).toBe(String(total));

    // The first disagreement of the page shown, each coder's span highlighted in the passage.
    const item = library.locator('article.adj-item').first();
    const marks = await item.locator('mark.adj-mark').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(1);
    const key = (await item.getAttribute('data-key'))!;
    const page = results.find((r) => r.items.some((i) => i.key === key))!;
    const disputed = page.items.find((i) => i.key === key)!;
    const accepted = disputed.sides.find((s) => s.spans.length > 0)!;
    const name = coders.find((c) => c.id === accepted.coder)!.name;
    await item.getByRole('button', { name: new RegExp(`采用${name}|Accept ${name}`) }).click();
    await library.locator(`#adjudication-left[data-left="${total - 1}"]`).waitFor();
    await library.locator(`article.adj-item[data-key="${key}"][data-resolved="accept"]`).waitFor();

    // In the database and in the library's table: the page's agreed passages and the accepted spans, as the
    // consensus coder's.
    const after = await stored(library);
    const mine = after.annotations.filter((a) => a.creator?.id === consensus.id);
    const agreedOnPage = page.agreed;
    expect(mine).toHaveLength(agreedOnPage + accepted.spans.length);
    expect(mine.every((a) => a.pageUrl === page.pageUrl)).toBe(true);
    expect(mine.map((a) => a.quote?.exact)).toEqual(expect.arrayContaining(accepted.spans.map((s) => disputed.text.slice(s.start - disputed.start, s.end - disputed.start))));
    expect(mine[0].creator!.name).toMatch(/^(共识（.+）|Consensus \(.+\))$/);
    await library.getByRole('tab', { name: /批注|Annotations/ }).first().click();
    await library.locator(`#library-count[data-total="${14 + mine.length}"]`).waitFor();
    const exported = JSON.parse(fs.readFileSync(await download(library, /JSON/, 'with-consensus.jsonld'), 'utf8'));
    const theirs = exported.first.items.filter((i: { creator?: { id?: string } }) => i.creator?.id === consensus.id);
    expect(theirs).toHaveLength(mine.length);
    expect(theirs[0].creator.name).toBe(mine[0].creator!.name);

    // Closing the library loses nothing: the decision is there when it is opened again, and the consensus coder is
    // not among the coders compared by default.
    await library.reload();
    await library.locator(`#library-count[data-total="${14 + mine.length}"]`).waitFor();
    await openAgreement(library);
    await library.locator('#agreement-report[data-ready]').waitFor();
    await expect(library.locator('.agr-summary').textContent()).resolves.not.toMatch(/共识|Consensus/);
    await library.getByRole('tab', { name: /裁决分歧|Adjudication/ }).click();
    await library.locator(`#adjudication-left[data-left="${total - 1}"]`).waitFor();
    // The view opens on a page with disagreements left; the settled one is on its page, still settled.
    await library.locator(`.adj-pages button[title="${page.pageUrl}"]`).click();
    await library.locator(`article.adj-item[data-key="${key}"][data-resolved="accept"]`).waitFor();
  });
});
