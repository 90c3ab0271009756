import { it } from 'vitest';
import approxSearch from 'approx-string-match';
import { foldText, foldString } from '../../../anchoring/fold';
import { contextCandidates, quoteCandidates } from '../../../anchoring/candidates';
import { describeRange } from '../../../anchoring/describe';
import { PAGE_FILES, pageText, pickPassages } from './support/fixture-passages';
import { seededRng, randInt } from './support/prng';
import { EditedText } from './support/edited-text';

it('prof', () => {
  const rng = seededRng(7);
  const pages = PAGE_FILES.map(pageText);
  let text = '';
  for (let copy = 0; text.length < 100_000; copy++) for (const p of pages) {
    const chars = [...p];
    for (let i = 0; i < chars.length; i += randInt(rng, 10, 30)) chars[i] = String.fromCharCode(0x4e00 + randInt(rng, 0, 20000));
    text += chars.join('');
  }
  text = text.slice(0, 100_000);
  const passages = pickPassages(text, rng, 0);
  while (passages.length < 200) passages.push(...pickPassages(text, rng, 0));
  const chosen = passages.slice(0, 200).sort((a, b) => a.start - b.start);
  const sels = chosen.map((p) => describeRange(text, p.start, p.end));
  const e = new EditedText(text, { start: 0, end: 0 });
  for (const p of [...chosen].reverse()) { const len = p.end - p.start; for (let k = 0; k < randInt(rng, 1, 3); k++) e.replace(p.start + randInt(rng, 1, Math.max(1, len - 2)), 1, '变'); }
  const view = foldText(e.text);
  const exps = sels.map((s) => ({ quote: foldString(s.quote.exact), prefix: foldString(s.quote.prefix), suffix: foldString(s.quote.suffix), hint: s.position.start }));
  let t0 = performance.now(); let n = 0;
  for (const x of exps) n += contextCandidates(view.folded, x).length;
  console.log('context', (performance.now() - t0).toFixed(0), n);
  t0 = performance.now(); n = 0;
  for (const x of exps) { const p = x.prefix + x.quote + x.suffix; n += approxSearch(view.folded, p, Math.min(128, Math.floor(p.length / 4))).length; }
  console.log('raw myers context', (performance.now() - t0).toFixed(0), n);
  t0 = performance.now(); n = 0;
  for (const x of exps) n += quoteCandidates(view.folded, x).length;
  console.log('quote', (performance.now() - t0).toFixed(0), n);
  const lens = exps.map((x) => x.quote.length).sort((a, b) => a - b);
  console.log('quote lengths median', lens[100], 'max', lens[199]);
});
