// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { outlineReport } from '../../../study/outline';
import type { Outline } from '../../../study/types';
import { docNumbers } from './helpers/matches';
import { allNodes, headings, ofKind } from './helpers/outline-walk';
import { sharedPage, type Page } from './helpers/page-blocks';

function outlineOf(page: Page): Outline {
  return outlineReport({ title: page.title, blocks: page.blocks, matches: docNumbers(page.text) });
}

/** Every single-line node points at exactly its own text in the page's main text. */
function expectAnchored(page: Page, o: Outline) {
  for (const n of allNodes(o).filter((n) => !n.text.includes('\n'))) {
    expect(page.text.slice(n.start, n.end)).toBe(n.text);
  }
}

describe('outline of zhangdian-2017-report (district report with number and addressee)', () => {
  const page = sharedPage('zhangdian-2017-report');
  const o = outlineOf(page);

  it('finds the front matter: title, own number and addressee, in that order', () => {
    expect(o.title).toBe('张店区人民政府关于2017年度法治政府建设情况的报告');
    expect(o.nodes.slice(0, 3).map((n) => [n.kind, n.text])).toEqual([
      ['title', '张店区人民政府关于2017年度法治政府建设情况的报告'],
      ['docNumber', '张政字〔2018〕8号'],
      ['addressee', '市政府:'],
    ]);
  });

  it('ends the opening at 报告如下', () => {
    const [opening] = ofKind(o, 'opening');
    expect(opening.text.startsWith('2017年,张店区政府')).toBe(true);
    expect(opening.text.endsWith('现将有关情况报告如下:')).toBe(true);
  });

  it('reads ten level-1 headings 一、…十、 with their (一) sub-headings', () => {
    const l1 = headings(o, 1);
    expect(l1.map((h) => h.text.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    expect(l1[4].children.filter((c) => c.kind === 'heading').map((c) => c.text)).toEqual([
      '(一)严格执法证件管理', '(二)认真落实“三项”制度', '(三)加强执法网工作调度',
    ]);
    expect(l1.every((h) => o.nodes.includes(h))).toBe(true);
  });

  it('puts 一是/二是/三是 points under the heading whose paragraph holds them', () => {
    const sub = headings(o, 2).find((h) => h.text.startsWith('(三)加强执法网'))!;
    expect(sub.children.map((c) => [c.kind, c.text.slice(0, 2)])).toEqual([
      ['enumeration', '一是'], ['enumeration', '二是'], ['enumeration', '三是'],
    ]);
    expect(sub.children[0].text).toBe('一是督促各单位及时录入信息');
  });

  it('finds signature and date after the body, and sections stop where they begin', () => {
    const [sig] = ofKind(o, 'signature');
    const [date] = ofKind(o, 'date');
    expect(sig.text).toBe('淄博市张店区人民政府');
    expect(date.text).toBe('2018年3月7日');
    const last = headings(o, 1)[9];
    expect(last.section!.end).toBeLessThanOrEqual(sig.start);
    expect(last.section!.end).toBeGreaterThan(last.end);
    expectAnchored(page, o);
  });
});

describe('outline of jingzhou-2017-report (published as news)', () => {
  const page = sharedPage('jingzhou-2017-report');
  const o = outlineOf(page);

  it('has a title but no number, addressee, signature or date', () => {
    expect(o.nodes[0]).toMatchObject({ kind: 'title', text: '荆州市荆州区人民政府2017年度法治政府建设工作报告' });
    for (const kind of ['docNumber', 'addressee', 'signature', 'date'] as const) expect(ofKind(o, kind)).toEqual([]);
  });

  it('nests three levels: 一、 > (一) > 1、, including the irregular (三)、', () => {
    expect(headings(o, 1).map((h) => h.text)).toEqual(['一、2017年度法治政府建设工作情况', '二、存在的问题', '三、2018年工作安排']);
    const first = headings(o, 1)[0];
    expect(first.children.map((c) => c.text.slice(0, 5))).toEqual(['(一)健全', '(二)规范', '(三)、着']);
    expect(first.children[0].children.filter((c) => c.kind === 'heading').map((c) => [c.level, c.text])).toEqual([
      [3, '1、健全依法行政组织领导体系'], [3, '2、健全依法行政学习宣传体系'], [3, '3、明晰行政权力规范运行'],
    ]);
    expectAnchored(page, o);
  });
});

describe('outline of datong-2023-report (no lead-in sentence)', () => {
  const o = outlineOf(sharedPage('datong-2023-report'));

  it('takes the paragraph before 一、 as the opening', () => {
    const [opening] = ofKind(o, 'opening');
    expect(opening.text.startsWith('2023年,大通区')).toBe(true);
    expect(opening.end).toBeLessThanOrEqual(headings(o, 1)[0].start);
  });

  it('reads 3 parts with 6, 3 and 4 sub-headings', () => {
    expect(headings(o, 1).map((h) => h.children.filter((c) => c.kind === 'heading').length)).toEqual([6, 3, 4]);
  });
});

describe('outline of changqing-2018-opinion (实施意见 with attachment line)', () => {
  const page = sharedPage('changqing-2018-opinion');
  const o = outlineOf(page);

  it('takes the number from the metadata table and the multi-body addressee', () => {
    expect(ofKind(o, 'docNumber')[0].text).toBe('济长政发〔2018〕8号');
    expect(ofKind(o, 'addressee')[0].text).toBe('各街道办事处、镇人民政府,区政府各部门:');
    expect(ofKind(o, 'opening')[0].text.endsWith('提出如下实施意见:')).toBe(true);
  });

  it('reads 1. headings as level 3 and the attachment note before the signature', () => {
    expect(headings(o, 3).length).toBeGreaterThan(20);
    expect(headings(o, 3)[0].text).toBe('1. 优化政府组织结构');
    const [att] = ofKind(o, 'attachment');
    expect(att.children.map((c) => c.text)).toEqual(['2018年济南市长清区法治政府建设分工明细表(略)']);
    expect(o.nodes.slice(-3).map((n) => n.kind)).toEqual(['attachment', 'signature', 'date']);
    expectAnchored(page, o);
  });
});

describe('outline of duolun-2012-report (traditional script, mirror site with h2/h3)', () => {
  const page = sharedPage('duolun-2012-report');
  const o = outlineOf(page);

  it('has no number of its own: the numbers in its text are cited', () => {
    expect(ofKind(o, 'docNumber')).toEqual([]);
    expect(ofKind(o, 'opening')[0].text).toContain('報告如下');
  });

  it('ranks h2 above h3, and takes numbered 一、/(四) lines at their own level', () => {
    expect(headings(o, 1).map((h) => h.text)).toEqual(['公告發布', '公告內容', '主要問題', '三、下一步工作打算']);
    const content = headings(o, 1)[1];
    expect(content.children.filter((c) => c.kind === 'heading').map((c) => c.text.slice(0, 5))).toEqual([
      '工作情況', '認識情況', '建設情況', '改革情況', '(四)貫徹', '貫徹情況', '管理情況', '執法情況', '應訴情況', '工作情況', '保障情況',
    ]);
    expect(headings(o, 1)[2].children.map((c) => c.text.slice(0, 3))).toEqual(['(一)', '(二)', '(三)', '(四)']);
    expectAnchored(page, o);
  });

  it('finds 一是…五是 points written in traditional script', () => {
    const plan = headings(o, 1)[3];
    expect(plan.children.map((c) => c.text.slice(0, 2))).toEqual(['一是', '二是', '三是', '四是', '五是']);
  });
});
