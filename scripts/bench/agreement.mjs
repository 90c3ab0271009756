// The agreement report (agreement/report.ts) on the library size of issue 15: two coders × 500 pages of ~10,000
// characters × 50 annotations each, all three unit kinds and 20 terms. Pure logic, so it runs here in Node (the
// same V8 as Chromium), on agreement/ bundled by Vite as the library page would bundle it. It measures the report at
// once (with the outlines cut anew, and with them kept from an earlier report), each unit kind alone, and the
// chunked report with the longest stretch between two pauses — the measure of whether the page stays responsive.
// Target from the issue: the report in under 3 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

export const title = 'agreement report: 2 coders × 500 pages × 50 annotations, 3 unit kinds, 20 terms';
export const where = 'node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = 500;
const PAGE_CHARS = 10_000;
const PER_CODER = 50;
const TERMS = Array.from({ length: 20 }, (_x, i) => `https://pizhu.app/taxonomy/bench/term/${i}`);
const CODERS = [
  { id: 'https://team.example.cn/people/a', name: '甲' },
  { id: 'https://team.example.cn/people/b', name: '乙' },
];

async function bundle() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-bench-agreement-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'esnext',
      // The library's generator of two coders' work (library/synthetic.ts) is the one the library page's bench seeds
      // its database with.
      lib: {
        entry: { agreement: path.join(root, 'agreement/index.ts'), synthetic: path.join(root, 'library/synthetic.ts') },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
    },
  });
  const load = (name) => import(pathToFileURL(path.join(outDir, `${name}.js`)).href);
  return { module: await load('agreement'), synthetic: await load('synthetic'), outDir };
}

function library(synthetic) {
  return synthetic.syntheticCodedLibrary({ pages: PAGES, perCoder: PER_CODER, pageChars: PAGE_CHARS, terms: TERMS, coders: CODERS });
}

/** Wall-clock and CPU time of one call: on a shared machine the CPU time is the steadier of the two. */
function time(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

export async function run({ runs, median, ms, table }) {
  const { module: agreement, synthetic, outDir } = await bundle();
  try {
    const { pages, annotations } = library(synthetic);
    const chars = pages.reduce((s, p) => s + p.snapshot.length, 0);
    console.log(`${pages.length} pages, ${chars.toLocaleString('en')} characters, ${annotations.length.toLocaleString('en')} annotations by 2 coders`);
    const options = { coders: CODERS, terms: TERMS };
    const rows = [];
    const measure = (label, fn, target) => {
      fn(); // warm-up: the first call compiles the code
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(time(fn));
      const m = median(samples.map((x) => x.ms));
      rows.push([label, ms(m), ms(median(samples.map((x) => x.cpu))), target ? `${target / 1000} s` : '—',
        target ? (m <= target ? 'yes' : 'NO') : '—']);
    };
    measure('report, all 3 unit kinds, outlines cut anew', () => agreement.agreementReport(pages, annotations, options), 3000);
    const cache = new Map();
    agreement.agreementReport(pages, annotations, { ...options, unitCache: cache });
    measure('report, all 3 unit kinds, outlines kept', () => agreement.agreementReport(pages, annotations, { ...options, unitCache: cache }), 3000);
    for (const unit of ['character', 'sentence', 'part']) {
      measure(`report, ${unit} units only`, () => agreement.agreementReport(pages, annotations, { ...options, units: [unit] }));
    }

    // The chunked report, pausing on a macrotask as a page would: total time and the longest stretch of work.
    const chunked = [];
    for (let i = 0; i < runs; i++) {
      let last = performance.now();
      let longest = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await agreement.agreementReportAsync(pages, annotations, {
        ...options,
        pause: () => {
          longest = Math.max(longest, performance.now() - last);
          return new Promise((resolve) => setImmediate(() => { last = performance.now(); resolve(); }));
        },
      });
      longest = Math.max(longest, performance.now() - last);
      const c = process.cpuUsage(c0);
      chunked.push({ total: performance.now() - t0, cpu: (c.user + c.system) / 1000, longest });
    }
    const total = median(chunked.map((c) => c.total));
    rows.push(['chunked report (10 ms slices), all 3 kinds', ms(total), ms(median(chunked.map((c) => c.cpu))), '3 s',
      total <= 3000 ? 'yes' : 'NO']);
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores\n`);
    table(['operation', 'median ms', 'cpu ms', 'target', 'within'], rows);
    console.log(`\nchunked report: longest stretch between two pauses, median ${ms(median(chunked.map((c) => c.longest)))} ms, ` +
      `worst ${ms(Math.max(...chunked.map((c) => c.longest)))} ms of ${runs} runs`);

    const report = agreement.agreementReport(pages, annotations, options);
    for (const row of report.rows.filter((r) => r.term === null)) {
      const k = row.cohen;
      const f = (x) => (x === null ? '—' : x.toFixed(4));
      console.log(`all terms, ${row.unit}: n = ${k.counts.n.toLocaleString('en')} unit × term decisions, agreement ` +
        `${f(row.percent.value)}, κ ${f(k.value)}, α ${f(row.alpha.value)}`);
    }
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
