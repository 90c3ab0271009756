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
      lib: { entry: path.join(root, 'agreement/index.ts'), formats: ['es'], fileName: 'agreement' },
    },
  });
  const file = fs.readdirSync(outDir).find((f) => f.endsWith('.js'));
  return { module: await import(pathToFileURL(path.join(outDir, file)).href), outDir };
}

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = '一二三四五六七八九十';
const PHRASES = [
  '全面推进依法行政，加快建设法治政府', '行政复议案件办理质量进一步提升，纠错率为12.5%',
  '严格落实重大行政决策程序规定，全年共审查文件48件', '深化“放管服”改革，优化营商环境',
  '推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度', '加强行政规范性文件备案审查，做到“应备尽备”',
];

/** A report of about PAGE_CHARS characters: title, 一、 headings, （一） sub-headings, paragraphs of 一是/二是 points. */
function reportText(rand, p) {
  const lines = [`某县${2020 + (p % 5)}年法治政府建设情况报告`, '县委、县政府：', '现将我县法治政府建设情况报告如下：'];
  let size = lines.join('\n').length;
  for (let h = 0; size < PAGE_CHARS; h++) {
    lines.push(`${CN[h % 10]}、${PHRASES[h % PHRASES.length].slice(0, 8)}`);
    for (let s = 0; s < 3 && size < PAGE_CHARS; s++) {
      lines.push(`（${CN[s]}）${PHRASES[(h + s) % PHRASES.length].slice(0, 10)}。`);
      const points = [];
      for (let k = 0; k < 5; k++) {
        const phrase = PHRASES[Math.floor(rand() * PHRASES.length)];
        points.push(`${CN[k]}是${phrase}，全年完成${Math.floor(rand() * 900)}项。${PHRASES[(k + h) % PHRASES.length]}。`);
      }
      lines.push(points.join(''));
      size = lines.join('\n').length;
    }
  }
  lines.push('某县人民政府', `${2021 + (p % 5)}年3月1日`);
  return lines.join('\n');
}

function library() {
  const rand = random(15);
  const pages = [];
  const annotations = [];
  let serial = 0;
  const record = (page, coder, start, end, terms) => ({
    id: `urn:uuid:00000000-0000-4000-8000-${(serial++).toString(16).padStart(12, '0')}`,
    pageUrl: page.url, sourceUrl: page.url,
    quote: { exact: page.text.slice(start, end), prefix: '', suffix: '' },
    position: { start, end }, terms, note: '', creator: coder,
    created: '2024-05-01T00:00:00.000Z', modified: '2024-05-01T00:00:00.000Z',
  });
  for (let p = 0; p < PAGES; p++) {
    const text = reportText(rand, p);
    const page = { url: `https://gov${p % 50}.example.cn/zwgk/2024/report-${p}.html`, title: `某县法治政府建设情况报告（${p}）`, kind: 'report',
      snapshot: text, firstSeen: '', lastSeen: '' };
    pages.push(page);
    const page0 = { url: page.url, text };
    for (let k = 0; k < PER_CODER; k++) {
      const start = Math.floor(rand() * (text.length - 120));
      const end = start + 10 + Math.floor(rand() * 100);
      const terms = [TERMS[Math.floor(rand() * TERMS.length)]];
      if (rand() < 0.3) terms.push(TERMS[Math.floor(rand() * TERMS.length)]);
      annotations.push(record(page0, CODERS[0], start, end, [...new Set(terms)]));
      // The second coder mostly marks the same passage, give or take a few characters, sometimes with another term.
      if (rand() < 0.7) {
        const s = Math.max(0, start + Math.floor(rand() * 11) - 5);
        const e = Math.min(text.length, Math.max(s + 1, end + Math.floor(rand() * 11) - 5));
        annotations.push(record(page0, CODERS[1], s, e, rand() < 0.8 ? terms : [TERMS[Math.floor(rand() * TERMS.length)]]));
      } else {
        const s = Math.floor(rand() * (text.length - 120));
        annotations.push(record(page0, CODERS[1], s, s + 10 + Math.floor(rand() * 100), [TERMS[Math.floor(rand() * TERMS.length)]]));
      }
    }
  }
  return { pages, annotations };
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
  const { module: agreement, outDir } = await bundle();
  try {
    const { pages, annotations } = library();
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
