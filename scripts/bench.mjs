// `npm run bench [-- NAME… --runs N --busy N]`: builds the extension when a source is newer than the build, then
// runs each benchmark module of scripts/bench/ (all, or those NAMEd) in a Chromium of its own with the
// extension loaded and the fixture pages served. It reports and never judges: exit 0 whenever it ran.
//
// A benchmark module is scripts/bench/NAME.mjs exporting `title` and `async run(ctx)`, where ctx is
//   { browser, runs, median(numbers), ratio(a, b), ms(x), table(header, rows) }
// browser is what launchWithExtension returned (context, extensionId, urlFor(name), server.pages, …).
// A module exporting `where = 'node'` measures pure logic in this Node process instead: it gets no browser, and
// neither the build nor Chromium is started for it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchExtensionDir, buildExtension, extensionDir, launchWithExtension } from './extension-browser.mjs';

const benchDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const args = process.argv.slice(2);
/** Indexes of the options' values, which are no benchmark names. */
const optionValues = new Set();
function wholeOption(name, fallback, least) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  optionValues.add(at + 1);
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < least) {
    console.error(`bench: ${name} takes a whole number, at least ${least}, e.g. ${name} ${Math.max(least, 2)}`);
    process.exit(2);
  }
  return value;
}
const runs = wholeOption('--runs', 7, 1);
// A busy machine, made the same way on any machine: this many processes that keep a core each busy, beside the
// browser, for the whole run (the targets hold "on a busy two-core machine").
const busy = wholeOption('--busy', 0, 0);
const wanted = args.filter((a, i) => !a.startsWith('--') && !optionValues.has(i));

const available = fs.readdirSync(benchDir).filter((f) => f.endsWith('.mjs')).sort().map((f) => path.basename(f, '.mjs'));
const chosen = wanted.length ? wanted : available;
const unknown = chosen.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`bench: no benchmark named ${unknown.join(', ')}; there are: ${available.join(', ')}`);
  process.exit(2);
}

const modules = new Map();
for (const name of chosen) modules.set(name, await import(pathToFileURL(path.join(benchDir, `${name}.mjs`)).href));
const inBrowser = (bench) => bench.where !== 'node';

// The bench build is the production code plus the library's bench hook, which ships only in this build.
const dir = process.env.PIZHU_EXTENSION_DIR ? extensionDir : benchExtensionDir;
if ([...modules.values()].some(inBrowser)) {
  try {
    buildExtension({ ifStale: true, mode: 'bench' });
  } catch {
    console.error('bench: the extension did not build (wxt build, output above).');
    process.exit(2);
  }
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ratio = (a, b) => (a == null || b == null ? '—' : b === 0 ? '∞' : (a / b).toFixed(2));
const ms = (x) => (x == null ? '—' : x.toFixed(2));
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

// Each spins until it is killed or this process is gone (its parent changes): none outlives an interrupted bench.
const SPIN = 'const parent = process.ppid; while (process.ppid === parent) {}';
// Unreferenced: a child kept alive holds its parent's event loop open, and the bench would never reach its exit.
const spinners = Array.from({ length: busy }, () => {
  const child = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
  child.unref();
  return child;
});
const stopSpinners = () => spinners.forEach((child) => child.kill());
process.on('exit', stopSpinners);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
if (busy) console.log(`busy: ${busy} ${busy === 1 ? 'process keeps a core' : 'processes keep a core each'} busy beside the browser for the whole run`);

for (const [name, bench] of modules) {
  console.log(`\n## ${name}: ${bench.title} (${runs} runs${busy ? `, ${busy} busy ${busy === 1 ? 'process' : 'processes'} beside it` : ''})\n`);
  if (!inBrowser(bench)) {
    await bench.run({ runs, median, ratio, ms, table });
    continue;
  }
  const browser = await launchWithExtension({ extensionDir: dir });
  try {
    await bench.run({ browser, runs, median, ratio, ms, table });
  } finally {
    await browser.close();
  }
}
