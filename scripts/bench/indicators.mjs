// Naming the indicators of a page's figures, as the side panel first asks for them ('scan:summary'), against the
// scan of the same load: the time from the ask to the names (the namer's script injected by the background, then
// the figures named in slices), the longest main-thread task meanwhile, and the cost per figure. The scan itself
// does not name anything: its time is shown beside, measured in the same loads.
import { revisit, visit } from '../extension-browser.mjs';

export const title = 'indicator naming on first ask vs. the scan';

const PAGES = ['zhangdian-2017-report', 'xicheng-2024-report', 'zhangdian-report-half-mb', 'zhangdian-report-1mb'];

function recordLongTasks() {
  globalThis.__pizhuLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__pizhuLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

function sampleInPage() {
  const scan = performance.getEntriesByName('pizhu:scan', 'measure')[0];
  const naming = performance.getEntriesByName('pizhu:indicators', 'measure')[0];
  const during = (m) => (m ? globalThis.__pizhuLongTasks.filter((t) => t.start < m.startTime + m.duration && t.start + t.duration > m.startTime) : []);
  return {
    scan: scan?.duration ?? null,
    naming: naming?.duration ?? null,
    figures: naming?.detail?.figures ?? null,
    longestTask: naming ? Math.max(0, ...during(naming).map((t) => t.duration)) : null,
  };
}

/** What the side panel sends when it opens on the tab. */
async function askSummary(browser, url) {
  await browser.serviceWorker.evaluate(async (url) => {
    const { chrome } = globalThis;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    await chrome.tabs.sendMessage(tab.id, { pizhu: 'request', name: 'scan:summary' }, { frameId: 0 });
  }, url);
}

export async function run({ browser, runs, median, ms, table }) {
  await browser.context.addInitScript(recordLongTasks);
  const page = await browser.context.newPage();
  const rows = [];
  for (const name of PAGES) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      if (i === 0) await visit(page, browser.urlFor(name));
      else await revisit(page);
      await askSummary(browser, page.url());
      await page.waitForFunction(() => performance.getEntriesByName('pizhu:indicators', 'measure').length > 0, null, { timeout: 30_000 });
      samples.push(await page.evaluate(sampleInPage));
    }
    const pick = (k) => median(samples.map((s) => s[k]));
    const figures = samples[0].figures;
    const naming = pick('naming');
    rows.push([name, figures, ms(pick('scan')), ms(naming), figures ? ((naming * 1000) / figures).toFixed(1) : '—',
      ms(pick('longestTask')), ms(Math.max(...samples.map((s) => s.longestTask ?? 0)))]);
  }
  await page.close();
  table(['page', 'figures', 'scan ms', 'naming ms', 'µs/figure', 'longest task ms', 'worst ms'], rows);
  console.log(`\nnaming: from the panel's first ask to the names, injection of content-scripts/indicators.js included;`
    + ` longest task: the longest main-thread task meanwhile (0 = none over 50 ms); medians of ${runs} loads`);
}
