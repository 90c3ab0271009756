// The surface the content script promises every page: its kind on <html data-pizhu-kind>, each recognised
// span as one Range in CSS.highlights, a 'pizhu:scan' performance measure, and a page left as it was served.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixturePages, sharedFixturesDir } from '../../scripts/serve-fixtures.mjs';
import { describeMisses, scorePage, total, type GoldPage } from '../support/score';
import {
  compareBodyWithServed, launchWithExtension, readHighlights, visit, type ExtensionBrowser, type Page,
} from './harness';

interface Seen {
  kind: string | null;
  docNumbers: string[];
  figures: string[];
  dates: string[];
  scanMeasures: number;
}

const pages = loadFixturePages();
const goldDir = path.join(sharedFixturesDir, 'gold');
const gold: GoldPage[] = fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')));
const nameOf = (g: GoldPage) => path.basename(g.file, '.html');

let browser: ExtensionBrowser;
let page: Page;
// Each page is visited once and read whole; the tests then look at different parts of what was seen.
const seen = new Map<string, Promise<Seen>>();

function observe(name: string): Promise<Seen> {
  if (!seen.has(name)) {
    seen.set(name, (async () => {
      const kind = await visit(page, browser.urlFor(name));
      return {
        kind,
        docNumbers: await readHighlights(page, 'pizhu-docno'),
        figures: await readHighlights(page, 'pizhu-figure'),
        dates: await readHighlights(page, 'pizhu-date'),
        scanMeasures: await page.evaluate(() => performance.getEntriesByName('pizhu:scan', 'measure').length),
      };
    })());
  }
  return seen.get(name)!;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('page kind', () => {
  it.each(pages.map((p) => [p.name, p.kind]))('%s is %s', async (name, kind) => {
    expect((await observe(name)).kind).toBe(kind);
  });
});

describe('recognised spans', () => {
  it.each([
    ['docNumbers', 0.97],
    ['figures', 0.93],
  ] as const)('%s reach precision and recall %s on the gold pages', async (kind, target) => {
    const pages = [];
    for (const g of gold.filter((x) => x.kind !== 'none')) {
      const seen = await observe(nameOf(g));
      pages.push(scorePage(g, seen));
    }
    const { precision, recall } = total(pages.map((p) => p[kind]));
    expect(precision, describeMisses(pages)).toBeGreaterThanOrEqual(target);
    expect(recall, describeMisses(pages)).toBeGreaterThanOrEqual(target);
  });

  it('finds the zhangdian report number and the numbers it cites, each as exactly its own range', async () => {
    const { docNumbers } = await observe('zhangdian-2017-report');
    expect(docNumbers).toContain('张政字〔2018〕8号');
    expect(docNumbers).toContain('淄政办字[2017]5号');
  });

  it('finds a traditional-script number with a space before 號', async () => {
    expect((await observe('duolun-2012-report')).docNumbers).toContain('錫署辦傳發〔2012〕137 號');
  });

  it('spans figures with their unit and 余, without qualifiers', async () => {
    const { figures } = await observe('zhangdian-2017-report');
    expect(figures).toEqual(expect.arrayContaining(['48.6%', '480余名', '53亿元']));
  });

  it.each(pages.filter((p) => p.kind === 'none').map((p) => p.name))('highlights nothing on %s', async (name) => {
    const { docNumbers, figures, dates } = await observe(name);
    expect({ docNumbers, figures, dates }).toEqual({ docNumbers: [], figures: [], dates: [] });
  });

  it('joins a figure split across inline elements into one range', async () => {
    const { figures } = await observe('split-figures-report');
    expect(figures).toEqual(expect.arrayContaining(['48.6%', '480余名', '53亿元', '3个工作日', '177项', '92项']));
    expect(figures).not.toContain('48');
    expect(figures).not.toContain('.6%');
  });

  it('marks a figure right after another (9项13条) apart, so that the two read as two', async () => {
    await visit(page, browser.urlFor('zhangdian-2017-report'));
    expect(await readHighlights(page, 'pizhu-figure')).toEqual(expect.arrayContaining(['9项', '13条']));
    const adjacent = await page.evaluate(() => [...(CSS.highlights.get('pizhu-adjacent') ?? [])].map((r) => (r as Range).toString()));
    expect(adjacent).toContain('13条');
    expect(adjacent).not.toContain('9项');
  });

  it('reads <br> as a line break, not as nothing', async () => {
    const { docNumbers, figures } = await observe('split-figures-report');
    // Joined across the <br>, "规范性文件管理" would run into the number and "92" into "6个".
    expect(docNumbers).toEqual(['示政发〔2020〕3号', '示政办发〔2019〕7号']);
    expect(figures).toEqual(expect.arrayContaining(['36件', '12件', '6个']));
    expect(figures.filter((f) => f.includes('926'))).toEqual([]);
  });

  it('recognises a report in a dark theme like any other', async () => {
    const { kind, docNumbers, figures } = await observe('dark-theme-report');
    expect(kind).toBe('report');
    expect(docNumbers).toEqual(['安府报〔2022〕5号', '安府〔2020〕18号']);
    expect(figures).toEqual(expect.arrayContaining(['15项', '1,200人', '7.5%', '60学时', '96.25%', '143件', '13.1%']));
  });
});

describe('scan', () => {
  it.each(['zhangdian-2017-report', 'shop-promo'])('leaves a pizhu:scan performance measure on %s', async (name) => {
    expect((await observe(name)).scanMeasures).toBeGreaterThan(0);
  });

  it('reads a page of 100,000 one-character spans, each number and figure one range across its spans', async () => {
    const { kind, docNumbers, figures } = await observe('zhangdian-report-100k-spans');
    expect(kind).toBe('report');
    expect(docNumbers).toEqual(expect.arrayContaining(['张政字〔2018〕8号', '淄政办字[2017]5号']));
    expect(figures).toEqual(expect.arrayContaining(['48.6%', '480余名', '53亿元']));
    expect(figures).not.toContain('48');
  });

  it('finishes on a 1 MB report within the evaluation\'s wait', async () => {
    const { kind, docNumbers } = await observe('zhangdian-report-1mb');
    expect(kind).toBe('report');
    expect(docNumbers.length).toBeGreaterThan(100);
  });
});

describe('the page as served', () => {
  it.each(['zhangdian-2017-report', 'split-figures-report', 'dark-theme-report', 'shop-promo'])(
    'keeps the DOM of %s, adding at most one element at the end for its own UI',
    async (name) => {
      const fresh = await browser.context.newPage();
      try {
        await visit(fresh, browser.urlFor(name));
        const { appended, firstDifference } = await compareBodyWithServed(fresh);
        expect(firstDifference).toBeNull();
        expect(appended.length, `appended: ${appended.join(', ')}`).toBeLessThanOrEqual(1);
      } finally {
        await fresh.close();
      }
    },
  );
});

describe('a page whose article arrives by script after the first reading', () => {
  it('is read again once the article is there, and highlighted as if it had been served whole', async () => {
    const name = 'zhangdian-2017-report';
    const served = await observe(name);
    const html = fs.readFileSync(path.join(sharedFixturesDir, 'pages', `${name}.html`), 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)![1];
    // The shell many sites send: a title, an empty container, and the article put in by script a moment later.
    const shell = html.replace(body, `<div id="app">加载中…</div><template id="later">${body}</template>
<script>setTimeout(() => { document.getElementById('app').replaceWith(document.getElementById('later').content.cloneNode(true)); }, 1500);</script>`);
    const late = await browser.context.newPage();
    try {
      await late.route(browser.urlFor(name), (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: shell }));
      expect(await visit(late, browser.urlFor(name))).toBe('none');
      await expect.poll(() => late.evaluate(() => document.documentElement.dataset.pizhuKind), { timeout: 8000 }).toBe(served.kind);
      await expect.poll(() => readHighlights(late, 'pizhu-docno')).toEqual(served.docNumbers);
      expect(await readHighlights(late, 'pizhu-figure')).toEqual(served.figures);
    } finally {
      await late.close();
    }
  });
});
