// `npm run size`: what each bundle of the built extension costs its user, against a budget per bundle
// (scripts/size-budget.json). A page's first load counts its entry script, the chunks its HTML preloads, and its
// CSS (and, for the reader, the worker it starts at once); chunks it imports later (the xlsx writer, study mode,
// indicator naming) are not in it. Builds first when a source is newer.
// Exits 1 when a bundle is over its budget; the e2e project runs it too (tests/e2e/size.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildExtension, extensionDir } from './extension-browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const budgets = JSON.parse(fs.readFileSync(path.join(here, 'size-budget.json'), 'utf8')).bundles;

/** The files an extension page loads at once: its module script, the chunks it preloads, its stylesheets. */
function pageFiles(dir, html) {
  const source = fs.readFileSync(path.join(dir, html), 'utf8');
  return [...source.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

/** A worker's bundle (Vite names it after its module, with a hash). */
function workerFiles(dir, name) {
  const assets = path.join(dir, 'assets');
  return fs.existsSync(assets) ? fs.readdirSync(assets).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js')).map((f) => `assets/${f}`) : [];
}

const FILES = {
  content: () => ['content-scripts/content.js', 'content-scripts/content.css'],
  study: () => ['content-scripts/study.js'],
  indicators: () => ['content-scripts/indicators.js'],
  background: () => ['background.js'],
  picker: (dir) => pageFiles(dir, 'picker.html'),
  sidepanel: (dir) => pageFiles(dir, 'sidepanel.html'),
  library: (dir) => pageFiles(dir, 'library.html'),
  // The reader reads the stored text in its worker as soon as it opens: both are its first load.
  reader: (dir) => [...pageFiles(dir, 'reader.html'), ...workerFiles(dir, 'reading-worker')],
};

/** Each bundle's files and sizes (bytes, and gzip bytes as a network would carry them). */
export function measure(dir = extensionDir) {
  return Object.entries(FILES).map(([name, files]) => {
    const list = files(dir).filter((f) => fs.existsSync(path.join(dir, f)));
    const bytes = list.map((f) => fs.readFileSync(path.join(dir, f)));
    return {
      name,
      files: list,
      size: bytes.reduce((s, b) => s + b.length, 0),
      gzip: bytes.reduce((s, b) => s + gzipSync(b).length, 0),
      budget: budgets[name],
    };
  });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildExtension({ ifStale: true });
  const rows = measure();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'bundle'.padEnd(width)}  ${'size'.padStart(9)}  ${'gzip'.padStart(9)}  ${'budget'.padStart(9)}`);
  for (const r of rows) {
    const over = r.size > r.budget ? '  OVER BUDGET' : '';
    console.log(`${r.name.padEnd(width)}  ${kb(r.size).padStart(9)}  ${kb(r.gzip).padStart(9)}  ${kb(r.budget).padStart(9)}${over}`);
  }
  process.exitCode = rows.some((r) => r.size > r.budget) ? 1 : 0;
}
