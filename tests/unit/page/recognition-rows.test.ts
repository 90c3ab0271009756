import { describe, expect, it } from 'vitest';
import { nameFigures, type FigureIndicator } from '../../../indicators/page-indicators';
import type { FigureMatch } from '../../../recognition/types';
import { outlineHeadings, recognitionRows } from '../../../page/recognition-rows';
import { sentenceAround } from '../../../recognition/sentence';
import { scanPage, studyInputOf } from '../../../page/scan';
import { outlineReport } from '../../../study/outline';
import { fixturePages, loadPage } from '../../support/fixtures';

describe('rows of a page’s figures and document numbers', () => {
  it('gives each figure its value, unit, qualifiers, sentence and section heading', async () => {
    const page = fixturePages.find((p) => p.file === 'zhangdian-2017-report.html')!;
    const scan = await scanPage(loadPage(page));
    const headings = outlineHeadings(outlineReport(studyInputOf(scan)).nodes);
    const { figures, docNumbers } = recognitionRows(scan.layout.map.text, scan.matches, headings);
    expect(figures).toHaveLength(scan.matches.filter((m) => m.category === 'figure').length);
    const rate = figures.find((f) => f.text === '48.6%')!;
    expect(rate).toMatchObject({ value: 48.6, unit: '%', heading: '二、依法全面履行政府职能' });
    expect(rate.sentence).toContain('将全区177项行政审批事项压缩至92项,精简率达48.6%');
    expect(rate.sentence.endsWith('。')).toBe(true);
    expect(figures.find((f) => f.text === '480余名')).toMatchObject({ value: 480, approx: '余' });
    expect(docNumbers[0]).toMatchObject({ text: '张政字〔2018〕8号', agency: '张政字', year: '2018', serial: '8', heading: '' });
  });

  it('gives each figure its indicator and normalised value when the figures were named', async () => {
    const page = fixturePages.find((p) => p.file === 'zhangdian-2017-report.html')!;
    const scan = await scanPage(loadPage(page));
    const text = scan.layout.map.text;
    const figures = scan.matches.filter((m): m is FigureMatch => m.category === 'figure');
    const named = await nameFigures(text, figures);
    // By match index, as the content script hands them over.
    const byMatch: Array<FigureIndicator | undefined> = scan.matches.map((m) => (m.category === 'figure' ? named[figures.indexOf(m)] : undefined));
    const { figures: rows } = recognitionRows(text, scan.matches, [], byMatch);
    expect(rows.find((f) => f.text === '48.6%')).toMatchObject({ indicator: '精简率', normalisedUnit: '%', bound: 'exact' });
    expect(rows.find((f) => f.text === '480余名')).toMatchObject({ normalisedUnit: '名', bound: 'more' });
    expect(rows.map((f) => f.indicator)).toEqual(named.map((n) => n.name?.text ?? ''));
    // Not named (naming could not load): the columns are there, empty.
    expect(recognitionRows(text, scan.matches, []).figures[0]).toMatchObject({ indicator: '', normalisedUnit: '', bound: '' });
  });

  it('cuts a sentence at 。；！？ and line ends, whatever the white space', () => {
    const text = '上一句。\n　　共办理  案件58件；其中维持42件。下一句';
    const at = text.indexOf('58件');
    expect(sentenceAround(text, at, at + 3)).toBe('共办理 案件58件；');
  });
});
