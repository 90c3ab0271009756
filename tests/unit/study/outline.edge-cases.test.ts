// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanPageTitle, outlineReport } from '../../../study/outline';
import type { Outline } from '../../../study/types';
import { docNumbers } from './helpers/matches';
import { allNodes, headings, ofKind } from './helpers/outline-walk';
import { studyPage, type Page } from './helpers/page-blocks';

function outlineOf(page: Page): Outline {
  return outlineReport({ title: page.title, blocks: page.blocks, matches: docNumbers(page.text) });
}

describe('a report with no headings, an old-style date and 特此报告', () => {
  const page = studyPage('no-headings-report');
  const o = outlineOf(page);

  it('lays out the parts in order, with no headings', () => {
    expect(o.nodes.map((n) => n.kind)).toEqual([
      'title', 'docNumber', 'addressee', 'opening', 'enumeration', 'enumeration', 'closing', 'signature', 'date',
    ]);
    expect(headings(o, 1)).toEqual([]);
  });

  it('takes only the first paragraph as the opening', () => {
    expect(ofKind(o, 'opening')[0].text).toBe(page.blocks[3].text.trim());
  });

  it('reads the closing, signature and a date in Chinese numerals', () => {
    expect(ofKind(o, 'closing')[0].text).toBe('特此报告。');
    expect(ofKind(o, 'signature')[0].text).toBe('某县司法局');
    const [date] = ofKind(o, 'date');
    expect(date.text).toBe('二〇一八年三月七日');
    expect(page.text.slice(date.start, date.end)).toBe(date.text);
  });
});

describe('headings written as plain paragraphs', () => {
  const page = studyPage('plain-headings-report');
  const o = outlineOf(page);

  it('takes short unpunctuated lines followed by text as level-1 headings', () => {
    expect(headings(o, 1).map((h) => h.text)).toEqual(['加强组织领导', '严格规范执法', '存在的问题和下一步打算']);
  });

  it('keeps a numbered （一） under the plain heading above it', () => {
    const [first] = headings(o, 1);
    expect(first.children.map((c) => [c.kind, c.level, c.text])).toEqual([['heading', 2, '（一）健全学法制度']]);
    expect(first.children[0].children.map((c) => c.text)).toEqual(['一是学习宪法', '二是学习民法典']);
  });

  it('finds a closing formula that ends the last paragraph', () => {
    const [closing] = ofKind(o, 'closing');
    expect(closing.text).toBe('以上报告，请审阅。');
    expect(page.text.slice(closing.start, closing.end)).toBe(closing.text);
    expect(headings(o, 1)[2].section!.end).toBe(closing.start);
  });

  it('uses the title line, not the site name of the page title', () => {
    expect(o.title).toBe('某镇人民政府2019年法治政府建设工作报告');
    expect(cleanPageTitle(page.title)).toBe('某镇人民政府2019年法治政府建设工作报告');
  });
});

describe('a 通知 with a numbered attachment note, note and imprint', () => {
  const page = studyPage('notice-attachments');
  const o = outlineOf(page);

  it('reads attachment items on their own lines as the attachment note, not as headings', () => {
    const [att] = ofKind(o, 'attachment');
    expect(att.children.map((c) => c.text)).toEqual(['1. 2020年度法治政府建设考核指标', '2. 自评报告提纲。']);
    expect(headings(o, 3)).toEqual([]);
  });

  it('orders closing, attachment, signature, date, then the note and imprint lines', () => {
    expect(o.nodes.slice(-7).map((n) => n.kind)).toEqual([
      'closing', 'attachment', 'signature', 'date', 'publicationNote', 'publicationNote', 'publicationNote',
    ]);
    expect(ofKind(o, 'publicationNote').map((n) => n.text.slice(0, 4))).toEqual(['（此件公', '抄送：市', '某市人民']);
  });

  it('ends the last section before the closing', () => {
    const last = headings(o, 1).at(-1)!;
    expect(last.text).toBe('三、工作要求');
    expect(last.section!.end).toBe(ofKind(o, 'closing')[0].start);
  });
});

describe('headings numbered 第一部分 and 第一、', () => {
  it('puts 第一部分 above 一、, which then becomes level 2', () => {
    const o = outlineOf(studyPage('part-headings-report'));
    expect(headings(o, 1).map((h) => h.text)).toEqual(['第一部分　主要工作', '第二部分　存在问题']);
    expect(headings(o, 2).map((h) => h.text)).toEqual(['一、推进依法决策', '二、规范行政执法']);
    expect(headings(o, 3).map((h) => h.text)).toEqual(['（一）加强执法监督']);
  });

  it('splits a signature and date written on one line', () => {
    const o = outlineOf(studyPage('part-headings-report'));
    expect(ofKind(o, 'signature')[0].text).toBe('某区人民政府');
    expect(ofKind(o, 'date')[0].text).toBe('2022年1月20日');
  });

  it('takes 第一、 as a level-1 heading and an addressee without its colon', () => {
    const o = outlineOf(studyPage('ordinal-headings-report'));
    expect(headings(o, 1).map((h) => h.text)).toEqual(['第一、完善制度建设', '第二、强化执法监督']);
    expect(ofKind(o, 'addressee')[0].text).toBe('市政府法制办');
  });
});

describe('input without a title line', () => {
  it('falls back to the cleaned page title and still finds the body', () => {
    const page = studyPage('plain-headings-report');
    const o = outlineReport({ title: page.title, blocks: page.blocks.slice(1), matches: [] });
    expect(o.title).toBe('某镇人民政府2019年法治政府建设工作报告');
    expect(ofKind(o, 'title')).toEqual([]);
    expect(allNodes(o).filter((n) => n.kind === 'heading')).toHaveLength(4);
  });
});

describe('lines that only look like end matter', () => {
  function blocksOf(lines: string[]) {
    let at = 0;
    return lines.map((text) => {
      const b = { text, start: at, end: at + text.length, tag: 'p' };
      at += text.length + 1;
      return b;
    });
  }

  it('keeps 附件上传… and a sentence ending in 印发 in the body', () => {
    const blocks = blocksOf([
      '某县2019年政务公开工作报告',
      '　　2019年，我县政务公开工作稳步推进，现将有关情况报告如下：',
      '　　一、平台建设',
      '附件上传、审批流程等功能全部上线运行，全年办理事项1200件。',
      '《某县政务公开工作要点》已经县政府同意印发',
      '　　二、下一步打算',
      '　　继续完善平台功能。',
    ]);
    const o = outlineReport({ title: '', blocks, matches: [] });
    expect(ofKind(o, 'attachment')).toEqual([]);
    expect(ofKind(o, 'publicationNote')).toEqual([]);
    expect(headings(o, 1).map((h) => h.text)).toEqual(['一、平台建设', '二、下一步打算']);
    expect(headings(o, 1)[0].section!.end).toBe(blocks[5].start + 2);
  });
});

describe('an empty page', () => {
  it('gives the page title and no nodes', () => {
    expect(outlineReport({ title: '关于某事的通知_某县人民政府网', blocks: [], matches: [] })).toEqual({
      title: '关于某事的通知', nodes: [],
    });
  });
});
