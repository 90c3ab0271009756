// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { figuresBySection } from '../../../study/figures-by-section';
import { outlineReport } from '../../../study/outline';
import { docNumbers, figures } from './helpers/matches';
import { sharedPage, studyPage, type Page } from './helpers/page-blocks';

function distributionOf(page: Page) {
  const outline = outlineReport({ title: page.title, blocks: page.blocks, matches: docNumbers(page.text) });
  return figuresBySection(outline, figures(page.text));
}

describe('figuresBySection on zhangdian-2017-report', () => {
  const page = sharedPage('zhangdian-2017-report');
  const d = distributionOf(page);

  it('has the opening and one row per level-1 section, in order', () => {
    expect(d.rows.map((r) => r.text.slice(0, 2) || r.label.zh)).toEqual([
      '正文开头', '一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、',
    ]);
  });

  it('counts section 五 figure by figure, with its (一)(二)(三) detail', () => {
    const five = d.rows.find((r) => r.text.startsWith('五、'))!;
    // 1名 in the lead paragraph; 439名 182名 150件; 16期 480余名; 36次 46个 6669次 1070件 424件 26个 120余件 6个 5个.
    expect(five.children.map((c) => c.count)).toEqual([3, 2, 9]);
    expect(five.direct).toBe(1);
    expect(five.count).toBe(15);
  });

  it('accounts for every figure exactly once', () => {
    expect(d.rows.reduce((s, r) => s + r.count, 0) + d.outside).toBe(d.total);
    for (const r of d.rows) expect(r.direct + r.children.reduce((s, c) => s + c.count, 0)).toBe(r.count);
  });
});

describe('figuresBySection elsewhere', () => {
  it('shows where a report puts its numbers: all in the work section, none in the plans', () => {
    const d = distributionOf(sharedPage('jingzhou-2017-report'));
    expect(d.rows.map((r) => r.count)).toEqual([0, d.total, 0, 0]);
    expect(d.total).toBeGreaterThan(20);
  });

  it('uses one body row for a report without headings', () => {
    const d = distributionOf(studyPage('no-headings-report'));
    // 12件 8件 3期 240余人次 1300余条
    expect(d.rows.map((r) => [r.label.zh, r.count])).toEqual([['正文', 5]]);
  });

  it('counts figures before the first heading in the opening row and those in the end matter as outside', () => {
    const page = studyPage('notice-attachments');
    const outline = outlineReport({ title: page.title, blocks: page.blocks, matches: docNumbers(page.text) });
    const inImprint = page.text.indexOf('2020年12月9日印发');
    const found = [...figures(page.text), { ...figures('30件')[0], start: inImprint, end: inImprint + 3 }];
    const d = figuresBySection(outline, found);
    expect(d.rows.map((r) => [r.text || r.label.zh, r.count])).toEqual([
      ['正文开头', 0], ['一、考核对象', 1], ['二、考核内容', 0], ['三、工作要求', 0],
    ]);
    expect([d.outside, d.total]).toEqual([1, 2]);
  });
});
