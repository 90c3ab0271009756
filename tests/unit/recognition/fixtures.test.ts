// @vitest-environment jsdom
// Regression against the labelled fixture pages, scored with the rules of recognition-score/score.mjs.
// The pages are few and the real judgement is on unseen ones: this guards against regressions, it is not a
// target to tune to.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { recognize } from '../../../recognition/recognize';
import { score } from '../../support/score';
import { SHARED_FIXTURES, loadGolds, mainContentText } from './fixture-pages';

const TARGETS = { docNumbers: 0.97, figures: 0.93 };
const labelled = loadGolds().filter((g) => g.kind !== 'none');

describe('fixture pages', () => {
  it('has labelled report and document pages to check', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(5);
  });

  it.each(labelled.map((g) => [g.file, g] as const))('%s', (_, gold) => {
    const html = fs.readFileSync(path.join(SHARED_FIXTURES, 'pages', gold.file), 'utf8');
    const text = mainContentText(new JSDOM(html).window.document);
    const found = recognize(text);
    const of = (category: string): string[] => found.filter((m) => m.category === category).map((m) => m.text);
    const docs = score(of('docno'), gold.docNumbers, 'docNumbers', gold.lenient);
    const figures = score(of('figure'), gold.figures, 'figures', gold.lenient);
    const exact = score(of('figure'), gold.figures, 'exact', gold.lenient);
    console.log(
      `${gold.file}: docno P ${docs.precision.toFixed(3)} R ${docs.recall.toFixed(3)} · figures P ` +
        `${figures.precision.toFixed(3)} R ${figures.recall.toFixed(3)} (exact R ${exact.recall.toFixed(3)})` +
        [...docs.missed, ...figures.missed].map((m) => `\n   missed ${m}`).join('') +
        [...docs.wrong, ...figures.wrong].map((m) => `\n   wrong ${m}`).join(''),
    );
    expect(docs.precision).toBeGreaterThanOrEqual(TARGETS.docNumbers);
    expect(docs.recall).toBeGreaterThanOrEqual(TARGETS.docNumbers);
    expect(figures.precision).toBeGreaterThanOrEqual(TARGETS.figures);
    expect(figures.recall).toBeGreaterThanOrEqual(TARGETS.figures);
  });
});

describe('the scorer used above', () => {
  it('matches figures by digits and containment, document numbers exactly after folding', () => {
    expect(score(['约36项', '37项'], ['36项'], 'figures', []).tp).toBe(1);
    expect(score(['37项'], ['36项'], 'figures', []).fp).toBe(1);
    expect(score(['錫署辦傳發〔2012〕137號'], ['錫署辦傳發〔2012〕137 號'], 'docNumbers', []).tp).toBe(1);
    expect(score(['2012〕137號'], ['錫署辦傳發〔2012〕137 號'], 'docNumbers', []).tp).toBe(0);
    expect(score(['浏览次数:1024'], [], 'figures', ['浏览次数:1024']).fp).toBe(0);
  });
});
