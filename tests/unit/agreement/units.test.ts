import { describe, expect, it } from 'vitest';
import { outlineReport } from '../../../study/outline';
import { partsOf, sentenceUnits, spansOf, unitRange } from '../../../agreement/units';
import { allNodes } from '../study/helpers/outline-walk';
import { studyPage } from '../study/helpers/page-blocks';
import { docNumbers } from '../study/helpers/matches';

const pieces = (text: string) => spansOf(sentenceUnits(text)).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('end after 。！？；!?; with the quotes and brackets that close them, and at line breaks', () => {
    expect(pieces('　　做到“应备尽备。”全年审查48件！是否达标？\n一是加强领导；二是完善制度（试行）。Done! OK?')).toEqual([
      '做到“应备尽备。”', '全年审查48件！', '是否达标？', '一是加强领导；', '二是完善制度（试行）。', 'Done!', 'OK?',
    ]);
  });

  it('are not cut at a decimal point, and pieces of white space only are no sentence', () => {
    expect(pieces('增长48.6%。\n\n　　\n结束')).toEqual(['增长48.6%。', '结束']);
    expect(pieces('')).toEqual([]);
    expect(pieces('……！？')).toEqual(['……！？']);
  });
});

describe('unit ranges', () => {
  const units = sentenceUnits('一二三。四五六。\n七八九。');

  it('are the units a character range overlaps by at least one character', () => {
    expect(unitRange(units, 0, 1)).toEqual({ start: 0, end: 1 });
    expect(unitRange(units, 3, 5)).toEqual({ start: 0, end: 2 });
    expect(unitRange(units, 4, 11)).toEqual({ start: 1, end: 3 });
    // Only the line break between two sentences: no unit.
    const r = unitRange(units, 8, 9);
    expect(r.end).toBeLessThanOrEqual(r.start);
  });
});

describe('parts', () => {
  it('begin at every node of the study outline and run to the next, covering all the text', () => {
    const page = studyPage('plain-headings-report');
    const parts = partsOf(page.text, page.title);
    const outline = outlineReport({ title: page.title, blocks: page.blocks, matches: docNumbers(page.text) });
    const starts = [...new Set(allNodes(outline).map((n) => n.start))].sort((a, b) => a - b);
    expect(parts.map((p) => p.start)).toEqual(starts);
    expect(parts.map((p) => p.kind)).toEqual(expect.arrayContaining(['title', 'opening', 'heading', 'enumeration', 'closing']));
    // Nothing but white space between one part and the next.
    for (let i = 1; i < parts.length; i++) expect(page.text.slice(parts[i - 1].end, parts[i].start).trim()).toBe('');
    const points = parts.filter((p) => p.kind === 'enumeration').map((p) => page.text.slice(p.start, p.end));
    expect(points).toEqual(['一是学习宪法；', '二是学习民法典。', '一是执法力量不足；', '二是法治宣传形式单一。下一步将加强执法队伍建设，深化普法宣传。']);
  });

  it('make the text before the first node, such as the site’s line above the title, a part of its own', () => {
    const text = '发布时间：2024-03-29 信息来源：区司法局\n某县2023年法治政府建设情况报告\n一、主要工作\n一是加强领导。';
    const parts = partsOf(text, '某县2023年法治政府建设情况报告_某县人民政府');
    expect(parts.map((p) => [p.kind, text.slice(p.start, p.end)])).toEqual([
      ['front', '发布时间：2024-03-29 信息来源：区司法局'], ['title', '某县2023年法治政府建设情况报告'],
      ['heading', '一、主要工作'], ['enumeration', '一是加强领导。'],
    ]);
  });

  it('make a text of one paragraph one part (the outline reads it as the opening), and nothing of an empty text', () => {
    expect(partsOf('  just some words  ').map((p) => [p.kind, p.start, p.end])).toEqual([['opening', 2, 17]]);
    expect(partsOf('')).toEqual([]);
  });
});
