// Indicator naming measured on the gold set: `node scripts/indicator-score.mjs [--verbose]`, run by
// `npm run score` after the recognition score. It reads tests/fixtures/indicators (sources.json holds the
// report texts, gold.json the labels; the 张店 report is read from ../shared), finds the figures as the
// extension does (recognize), names them (indicators/naming.ts, bundled on the fly with esbuild) and prints,
// for the development part, the held-out part and both: how many labelled figures were named, and the
// precision of the names, exact and acceptable, by the rules of docs/indicators-gold.md.
// It measures and does not judge: the exit status is 0 whenever it ran, 2 when it could not.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');

function fail(msg) {
  console.error(`indicator-score: ${msg}`);
  process.exit(2);
}

let lib;
try {
  const bundle = await build({
    stdin: {
      contents: "export { recognize } from './recognition/recognize'; export { nameIndicators } from './indicators/naming';"
        + " export { loadGold, foldExact, foldAcceptable } from './tests/support/indicator-gold';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  lib = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
} catch (e) {
  fail(`could not build the naming code: ${e.message.split('\n')[0]}`);
}

let documents;
try {
  documents = lib.loadGold(root, (file) => fs.readFileSync(file, 'utf8'));
} catch (e) {
  fail(e.message);
}

const totals = {};
const misses = [];
for (const { id, split, text, items } of documents) {
  const doc = { split, text };
  const figures = lib.recognize(doc.text).filter((m) => m.category === 'figure');
  const names = lib.nameIndicators(doc.text, figures);
  const t = (totals[doc.split] ??= { scored: 0, found: 0, named: 0, exact: 0, acceptable: 0 });
  let cursor = 0;
  for (const [figure, exact, alternates] of items) {
    let at = cursor;
    while (at < figures.length && lib.foldExact(figures[at].text) !== lib.foldExact(figure)) at++;
    if (at < figures.length) cursor = at + 1;
    if (exact === null) continue;
    t.scored++;
    if (at >= figures.length) {
      misses.push(`${id} ${figure}: not recognised as a figure`);
      continue;
    }
    t.found++;
    const name = names[at]?.text ?? null;
    if (name === null) {
      misses.push(`${id} ${figure}: no name (want ${exact})`);
      continue;
    }
    t.named++;
    const isExact = lib.foldExact(name) === lib.foldExact(exact);
    const accepted = isExact || [exact, ...alternates].some((a) => lib.foldAcceptable(a) === lib.foldAcceptable(name));
    if (isExact) t.exact++;
    if (accepted) t.acceptable++;
    else misses.push(`${id} ${figure}: ${name} (want ${exact})`);
    if (accepted && !isExact && verbose) misses.push(`${id} ${figure}: ${name} (acceptable; exact ${exact})`);
  }
}

const n = (x) => x.toFixed(3);
const line = (label, t) => `indicators ${label}: ${t.scored} labelled figures, ${t.named} named (coverage ${n(t.named / t.scored)})`
  + ` · precision exact ${n(t.exact / t.named)} · acceptable ${n(t.acceptable / t.named)}`;
const all = Object.values(totals).reduce((a, t) => {
  for (const k of Object.keys(a)) a[k] += t[k];
  return a;
}, { scored: 0, found: 0, named: 0, exact: 0, acceptable: 0 });
if (verbose) for (const m of misses) console.log(`   ${m}`);
for (const split of ['dev', 'heldout']) if (totals[split]) console.log(line(split === 'dev' ? 'development' : 'held-out', totals[split]));
console.log(line('all', all));
