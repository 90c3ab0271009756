// A page's figures named in slices (indicators/page-indicators.ts): the same names as one run over the whole
// text, with pauses between the slices of a long page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameFigures } from '../../../indicators/page-indicators';
import { nameIndicators } from '../../../indicators/naming';
import { indicatorValue } from '../../../indicators/value';
import { recognize } from '../../../recognition/recognize';
import type { FigureMatch } from '../../../recognition/types';
import { fixturePages, loadPage } from '../../support/fixtures';
import { loadGold } from '../../support/indicator-gold';

const ROOT = path.resolve(__dirname, '../../..');
const figuresOf = (text: string) => recognize(text).filter((m): m is FigureMatch => m.category === 'figure');

/** Every labelled text and every shared fixture page, each long enough or repeated until it is. */
function texts(): Array<[string, string]> {
  const gold = loadGold(ROOT, (f) => fs.readFileSync(f, 'utf8')).map((d): [string, string] => [d.id, d.text]);
  const pages = fixturePages.map((p): [string, string] => [p.file, loadPage(p).body.textContent ?? '']);
  return [...gold, ...pages];
}

describe('naming a page’s figures in slices', () => {
  it('gives every figure the name one run over the whole text gives it, and its normalised value', async () => {
    for (const [id, text] of texts()) {
      // Repeated to some thousand figures, so that the text is cut into many slices.
      const long = Array.from({ length: 8 }, () => text).join('\n');
      const figures = figuresOf(long);
      const whole = nameIndicators(long, figures);
      let pauses = 0;
      const sliced = await nameFigures(long, figures, () => void pauses++);
      expect(sliced.map((f) => f.name), id).toEqual(whole);
      expect(sliced.map((f) => f.value), id).toEqual(figures.map(indicatorValue));
      if (figures.length > 400) expect(pauses, id).toBeGreaterThan(0);
    }
  });

  it('cuts a slice only between sentences: a sentence of many figures is never split', async () => {
    // 300 figures in one sentence, then a sentence that leaves out what it counts: it inherits in one run.
    const sentence = `收到行政复议申请${Array.from({ length: 300 }, (_, i) => `${i + 1}件`).join('、')},受理87件。`;
    const text = `${sentence}\n${sentence}`;
    const figures = figuresOf(text);
    const sliced = await nameFigures(text, figures);
    expect(sliced.map((f) => f.name)).toEqual(nameIndicators(text, figures));
    expect(sliced.at(-1)!.name?.text).toBe('受理行政复议申请');
  });

  it('bounds a slice on a text without sentence ends, and names every figure still', async () => {
    const text = '办结33件,'.repeat(5000);
    const figures = figuresOf(text);
    let pauses = 0;
    const sliced = await nameFigures(text, figures, () => void pauses++);
    expect(sliced).toHaveLength(5000);
    expect(pauses).toBeGreaterThan(0);
    expect(sliced.every((f) => f.name?.text === '办结')).toBe(true);
  });

  it('keeps the value normalised: magnitude applied, unit folded, qualifier as a bound', async () => {
    const text = '培训执法人员480余名,投入2.5亿元,精简率达48.6%,近300人参加。';
    const [trained, money, rate, people] = await nameFigures(text, figuresOf(text));
    expect(trained).toMatchObject({ name: { text: '培训执法人员' }, value: { value: 480, unit: '名', bound: 'more', qualifiers: ['余'] } });
    expect(money.value).toMatchObject({ value: 250_000_000, magnitude: '亿', unit: '元', bound: 'exact' });
    expect(rate).toMatchObject({ name: { text: '精简率' }, value: { value: 48.6, unit: '%' } });
    expect(people.value).toMatchObject({ value: 300, bound: 'less' });
  });
});
