// The recognition scan against two yardsticks measured in the same page load: the floor (walking every
// text node once, less than any scan can do) and Mozilla Readability's parse (what a reader mode spends).
// On the 1 MB page also the longest main-thread task during the scan, and how the scan grows from 0.5 MB.
import { createRequire } from 'node:module';
import { revisit, visit } from '../extension-browser.mjs';

export const title = 'recognition scan vs. text-walk floor and Readability';

const readabilityPath = createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js');
const bigPage = 'zhangdian-report-1mb';
const halfPage = 'zhangdian-report-half-mb';

// Installed before any page script so it sees the content script's tasks too.
function recordLongTasks() {
  globalThis.__pizhuLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__pizhuLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

// One load's worth of samples, taken after the scan has finished so that nothing overlaps it.
function sampleInPage() {
  const scan = performance.getEntriesByName('pizhu:scan', 'measure')[0];
  // One walk of a small page takes less than the clock's 0.1 ms: walk until 5 ms have passed, and average.
  const walkStart = performance.now();
  let walks = 0;
  let chars = 0;
  do {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) chars += walker.currentNode.data.length;
    walks++;
  } while (performance.now() - walkStart < 5);
  const floor = (performance.now() - walkStart) / walks;
  const textChars = chars / walks;
  const parseStart = performance.now();
  new globalThis.Readability(document.cloneNode(true)).parse();
  const readability = performance.now() - parseStart;
  const during = scan
    ? globalThis.__pizhuLongTasks.filter((t) => t.start < scan.startTime + scan.duration && t.start + t.duration > scan.startTime)
    : [];
  return {
    scan: scan?.duration ?? null,
    floor,
    readability,
    textChars,
    longestTask: scan ? Math.max(0, ...during.map((t) => t.duration)) : null,
  };
}

export async function run({ browser, runs, median, ratio, ms, table }) {
  await browser.context.addInitScript(recordLongTasks);
  const page = await browser.context.newPage();
  const results = new Map();
  for (const fixture of browser.server.pages) {
    const samples = [];
    let kind = null;
    for (let i = 0; i < runs; i++) {
      // Without a published kind there is no scan to wait for: later loads only settle.
      const timeout = i === 0 || kind ? 8000 : 500;
      kind = i === 0 ? await visit(page, browser.urlFor(fixture.name), { timeout }) : await revisit(page, { timeout });
      await page.addScriptTag({ path: readabilityPath });
      samples.push(await page.evaluate(sampleInPage));
    }
    const pick = (k) => median(samples.map((s) => s[k]));
    results.set(fixture.name, {
      kind,
      kb: Math.round(fixture.body().length / 1024),
      textChars: samples[0].textChars,
      scan: pick('scan'),
      floor: pick('floor'),
      readability: pick('readability'),
      longestTask: pick('longestTask'),
      worstTask: samples.some((s) => s.longestTask != null) ? Math.max(...samples.map((s) => s.longestTask ?? 0)) : null,
    });
  }
  await page.close();

  const rows = [...results].map(([name, r]) => [name, r.kind ?? '—', r.kb, r.textChars, ms(r.scan), ms(r.floor), ms(r.readability),
    ratio(r.scan, r.readability), ratio(r.scan, r.floor)]);
  table(['page', 'kind', 'KB', 'text chars', 'scan ms', 'floor ms', 'readability ms', 'scan/readab.', 'scan/floor'], rows);

  const measured = [...results.values()].filter((r) => r.scan != null);
  const medianRatio = (by) => (measured.length ? median(measured.map((r) => (r[by] ? r.scan / r[by] : null))) : null);
  console.log(`\nmedian over ${measured.length} pages with a scan: scan/readability ${ms(medianRatio('readability'))}, `
    + `scan/floor ${ms(medianRatio('floor'))}`);
  if (measured.length < results.size) {
    console.log(`${results.size - measured.length} pages left no 'pizhu:scan' measure: their scan is not counted.`);
  }

  const big = results.get(bigPage), half = results.get(halfPage);
  console.log(`\n${bigPage} (${big.kb} KB): longest task during the scan: median ${ms(big.longestTask)} ms, `
    + `worst ${ms(big.worstTask)} ms of ${runs} (0 = none over 50 ms; scan median ${ms(big.scan)} ms)`);
  console.log(`linearity: scan ${ms(half.scan)} ms at ${half.kb} KB → ${ms(big.scan)} ms at ${big.kb} KB: `
    + `×${ratio(big.scan, half.scan)} for ×${ratio(big.kb, half.kb)} the size`);
  console.log('(times are medians of in-page performance.now(), which Chromium rounds to 0.1 ms)');
}
