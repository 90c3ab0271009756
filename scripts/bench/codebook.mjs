// Files that once froze the library (issue 11), driven through the library page as a user drives it, so that the
// same measure runs against any build (PIZHU_EXTENSION_DIR=… npm run bench -- codebook): importing a codebook of
// flat codes without colours (preview, then apply), importing annotations whose tags are all new terms, and the
// taxonomy editor with many terms (open the tab, rename one term). For each: the median time as the user waits for
// it and the longest main-thread task (PerformanceObserver 'longtask'; the goal is none over 50 ms). A case that has
// not finished after CASE_TIMEOUT is reported as such, and the browser is started afresh for the next one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../extension-browser.mjs';
import { flatCodebookQdc, newTagsJsonLd, taxonomyRecords } from '../hostile-files.mjs';
import { openFreshLibrary } from '../library-page.mjs';

export const title = 'codebook and tag imports, taxonomy editor: time and longest task';

const CASE_TIMEOUT = Number(process.env.PIZHU_BENCH_CASE_TIMEOUT ?? 120_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-bench-codebook-'));

class TimedOut extends Error {}

function within(ms, promise) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new TimedOut()), ms)))]).finally(() => clearTimeout(timer));
}

function watchLongTasks() {
  globalThis.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__benchLongTasks.push(e.duration);
  }).observe({ type: 'longtask' });
}

async function longestTask(page) {
  await page.waitForTimeout(100);
  return page.evaluate(() => Math.max(0, ...globalThis.__benchLongTasks));
}

async function openTaxonomyTab(page) {
  await page.getByRole('tab', { name: /分类表|Taxonomy/ }).click({ timeout: 0 });
  await page.locator('.lib-version').waitFor({ timeout: 0 });
}

const CASES = [
  ...[300, 2_000, 5_000].map((count) => ({
    label: `codebook of ${count.toLocaleString('en')} flat codes without colours`,
    file: () => ({ name: `flat-${count}.qdc`, text: flatCodebookQdc(count) }),
    async run(browser, file) {
      const page = await openFreshLibrary(browser);
      await openTaxonomyTab(page);
      const version = Number(await page.locator('.lib-version').getAttribute('data-version'));
      await page.evaluate(watchLongTasks);
      const start = Date.now();
      await page.setInputFiles('.lib-taxonomy input[type=file]', file, { timeout: 0 });
      await page.locator('.lib-taxonomy .lib-preview').waitFor({ timeout: 0 });
      const preview = Date.now() - start;
      await page.getByRole('button', { name: /应用合并|Apply the merge/ }).click({ timeout: 0 });
      await page.locator(`.lib-version[data-version="${version + 1}"]`).waitFor({ timeout: 0 });
      return { page, parts: { preview, apply: Date.now() - start - preview } };
    },
  })),
  ...[500, 1_000].map((count) => ({
    label: `annotations with ${count.toLocaleString('en')} new tags`,
    file: () => ({ name: `tags-${count}.jsonld`, text: newTagsJsonLd(count) }),
    async run(browser, file) {
      const page = await openFreshLibrary(browser);
      await page.evaluate(watchLongTasks);
      const start = Date.now();
      await page.setInputFiles('.lib-import input[type=file]', file, { timeout: 0 });
      await page.locator('.lib-import .lib-preview').waitFor({ timeout: 0 });
      const preview = Date.now() - start;
      await page.locator('.lib-import .lib-primary').click({ timeout: 0 });
      await page.locator(`#library-count[data-total="${count}"]`).waitFor({ timeout: 0 });
      return { page, parts: { preview, apply: Date.now() - start - preview } };
    },
  })),
  ...[562, 5_000].map((count) => ({
    label: `taxonomy editor with ${count.toLocaleString('en')} terms`,
    async run(browser) {
      const { taxonomy, terms } = taxonomyRecords(count);
      const page = await openFreshLibrary(browser, { taxonomies: [taxonomy], terms });
      await page.evaluate(watchLongTasks);
      const start = Date.now();
      await openTaxonomyTab(page);
      await page.locator('.lib-term').first().waitFor({ timeout: 0 });
      const open = Date.now() - start;
      const version = Number(await page.locator('.lib-version').getAttribute('data-version'));
      const zh = page.locator('.lib-term').first().locator('input[type=text]').first();
      await zh.fill('改过的名称', { timeout: 0 });
      await zh.press('Enter', { timeout: 0 });
      await page.locator(`.lib-version[data-version="${version + 1}"]`).waitFor({ timeout: 0 });
      return { page, parts: { open, rename: Date.now() - start - open } };
    },
  })),
];

export async function run({ browser: first, runs, median, ms, table }) {
  let browser = first;
  // Relaunched after a case that froze its page; the first browser is the runner's, which closes it.
  const owned = [];
  const rows = [];
  const n = Math.min(runs, 5);
  try {
    // PIZHU_BENCH_ONLY=editor (a pattern of the labels) runs only some of the cases.
    const only = process.env.PIZHU_BENCH_ONLY ? new RegExp(process.env.PIZHU_BENCH_ONLY) : null;
    for (const c of CASES.filter((x) => !only || only.test(x.label))) {
      let file;
      if (c.file) {
        const { name, text } = c.file();
        file = path.join(tmp, name);
        fs.writeFileSync(file, text);
      }
      const samples = [];
      let timedOut = false;
      for (let i = 0; i < n && !timedOut; i++) {
        try {
          const { page, parts } = await within(CASE_TIMEOUT, c.run(browser, file));
          samples.push({ ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0), longest: await longestTask(page) });
          await page.close();
        } catch (e) {
          if (!(e instanceof TimedOut)) throw e;
          timedOut = true;
          await browser.close();
          browser = await launchWithExtension();
          owned.push(browser);
        }
      }
      const [a, b] = samples.length ? Object.keys(samples[0]).filter((k) => k !== 'total' && k !== 'longest') : [];
      const part = (k) => (k ? `${k} ${ms(median(samples.map((s) => s[k])))}` : '');
      rows.push([
        c.label,
        timedOut && samples.length === 0 ? `> ${CASE_TIMEOUT / 1000} s (did not finish)` : ms(median(samples.map((s) => s.total))),
        [part(a), part(b)].filter(Boolean).join(', ') || '—',
        samples.length ? ms(median(samples.map((s) => s.longest))) : '—',
        samples.length ? ms(Math.max(...samples.map((s) => s.longest))) : '—',
        `${samples.length}${timedOut ? ' (then timed out)' : ''}`,
      ]);
      console.log(`${c.label}: ${rows.at(-1).slice(1).join(' | ')}`);
    }
  } finally {
    for (const b of owned) await b.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  table(['case', 'median ms', 'parts (median ms)', 'longest task ms (median)', 'longest task ms (max)', 'runs'], rows);
}
