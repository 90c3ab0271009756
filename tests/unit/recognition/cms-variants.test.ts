// What CMS pages print between and around the words of a report: &nbsp; and ideographic indentation, typographic
// spaces, the zero-width space and BOM a word processor leaves behind, headings numbered in other styles, and the
// site's name joined to the title. Sentences are from the real audit report of fixtures/pages
// (chaoyang-2022-audit-work-report.html) and the rules' examples, with the variant put where CMS pages put it.
import { describe, expect, it } from 'vitest';
import { classifyPage, type PageFeatures } from '../../../recognition/page-kind';
import { recognize } from '../../../recognition/recognize';

const found = (s: string, category: 'figure' | 'docno') =>
  recognize(s)
    .filter((m) => m.category === category)
    .map((m) => m.text);

// Spaces a page may print; each is one gap a reader sees as one space or none.
const SPACES: Array<[string, string]> = [
  ['&nbsp;', '\u00a0'],
  ['ideographic space', '\u3000'],
  ['en space', '\u2002'],
  ['em space', '\u2003'],
  ['thin space', '\u2009'],
  ['six-per-em space', '\u2005'],
  ['narrow no-break space', '\u202f'],
  ['zero-width space', '\u200b'],
  ['BOM', '\ufeff'],
  ['tab', '\t'],
  ['zero-width space beside &nbsp;', '\u200b\u00a0'],
  ['&nbsp; beside a BOM', '\u00a0\ufeff'],
];

describe('figures and document numbers with the spaces CMS pages print inside them', () => {
  it.each(SPACES)('a figure with a %s between number and unit', (_, sp) => {
    const s = `报告期间内共完成审计(调查)项目19个,共查出问题330${sp}项,涉及违规金额2377.2${sp}万元,提出审计建议47条。`;
    expect(found(s, 'figure')).toEqual(['19个', `330${sp}项`, `2377.2${sp}万元`, '47条']);
  });

  it.each(SPACES)('a document number with a %s before 号, in its brackets and before them', (_, sp) => {
    expect(found(`根据张政字〔2018〕8${sp}号文件精神`, 'docno')).toEqual([`张政字〔2018〕8${sp}号`]);
    expect(found(`根据张政字〔${sp}2018${sp}〕8号文件精神`, 'docno')).toEqual([`张政字〔${sp}2018${sp}〕8号`]);
    expect(found(`根据张政字${sp}〔2018〕8号文件精神`, 'docno')).toEqual([`张政字${sp}〔2018〕8号`]);
  });

  it('two visible spaces in a row stay a layout gap, whatever zero-width characters sit among them', () => {
    expect(found('共查出问题330\u3000\u200b\u3000项', 'figure')).toEqual([]);
    expect(found('共查出问题330\u00a0\u00a0项', 'figure')).toEqual([]);
  });
});

const HAN = /\p{Script=Han}/gu;
function features(title: string, lines: string[]): PageFeatures {
  const mainText = lines.join('\n');
  return { title, mainText, articleHan: mainText.match(HAN)?.length ?? 0, linkDensity: 0, hasMetadata: false };
}

const TITLE = '关于汕头市潮阳区2022年度区本级预算执行和其他财政收支的审计工作报告';
const INTRO = '报告期间内共完成审计(调查)项目19个,共查出问题330项,涉及违规金额2377.2万元,管理不规范金额126932.39万元,提出审计建议47条。';
const BODY =
  '按照上级审计机关统一部署,组织对区本级2022年度财政预算执行、决算草案和其他财政收支情况审计,延伸抽查区农业农村局、区城管局、区贵屿循环经济产业园区、铜盂镇、海门镇等5个单位。';

describe('section headings indented the way CMS pages indent paragraphs', () => {
  // A short report with no formula: only its two headings show that it is the report's own text.
  const report = (indent: string, one = '一、', sub = '(一)') => [
    INTRO,
    `${indent}${one}财政管理审计情况`,
    `${indent}${sub}区本级财政管理及决算草案审计`,
    BODY,
  ];

  it('without headings the short text is no report (the headings decide)', () => {
    expect(classifyPage(features(TITLE, [INTRO, BODY])).kind).toBe('none');
  });

  it.each([...SPACES, ['four &nbsp;', '\u00a0'.repeat(4)], ['two ideographic spaces after a BOM', '\ufeff\u3000\u3000'], ['two em spaces', '\u2003\u2003'], ['a zero-width space and two ideographic spaces', '\u200b\u3000\u3000']])(
    'headings indented with %s',
    (_, indent) => {
      expect(classifyPage(features(TITLE, report(indent))).kind).toBe('report');
    },
  );

  it.each([
    ['【一】', '(一)'],
    ['第一部分', '(一)'],
    ['一、', '〔一〕'],
    ['一、', '［一］'],
  ])('headings numbered %s and %s', (one, sub) => {
    expect(classifyPage(features(TITLE, report('\u3000\u3000', one, sub))).kind).toBe('report');
  });
});

describe('titles that carry the site name or the column', () => {
  const lines = [INTRO, '一、财政管理审计情况', '(一)区本级财政管理及决算草案审计', BODY];

  it.each([
    `${TITLE}-汕头市潮阳区人民政府门户网站`,
    `${TITLE}_汕头市潮阳区人民政府`,
    `汕头市潮阳区人民政府-审计工作-${TITLE}`,
    `${TITLE}_审计工作_汕头市潮阳区人民政府门户网站`,
    `${TITLE}\u200b`,
    `\ufeff${TITLE}`,
  ])('%s is the report', (title) => {
    expect(classifyPage(features(title, lines)).kind).toBe('report');
  });

  it('a dash between years is part of the title, not a joint', () => {
    const plan = '汕头市潮阳区法治政府建设实施方案(2021-2025年)';
    expect(classifyPage(features(`${plan}-汕头市潮阳区人民政府门户网站`, lines)).kind).toBe('document');
  });

  it('a column named for a document type is shorter than the site name: a listing under it stays none', () => {
    const listing = ['汕头市潮阳区审计局2023年部门预算公开', '汕头市潮阳区审计局2022年部门决算公开', '汕头市潮阳区审计局2022年度政府信息公开工作年度报告'];
    expect(classifyPage(features('通知公告-汕头市潮阳区人民政府门户网站', listing)).kind).toBe('none');
  });

  it('news about a report joined to the site name stays none', () => {
    expect(classifyPage(features(`区人大常委会听取审计工作报告_汕头市潮阳区人民政府`, lines)).kind).toBe('none');
  });
});

describe('numbers spaced inside the way publications and page sources space them', () => {
  // GB/T 15835—2011 groups digits in threes with a quarter-em space (千分空); pages print it as any of these.
  it.each([' ', '\u00a0', '\u2005', '\u2009', '\u202f'])('digits grouped by %j', (sp) => {
    const s = `报告期间内共完成审计(调查)项目19个,涉及违规金额2${sp}377.2万元,管理不规范金额126${sp}932.39万元,提出审计建议47条。`;
    expect(found(s, 'figure')).toEqual(['19个', `2${sp}377.2万元`, `126${sp}932.39万元`, '47条']);
  });

  it('reads the grouped value', () => {
    expect(recognize('管理不规范金额126\u2009932.39万元').find((m) => m.category === 'figure')).toMatchObject({ value: 1269323900 });
  });

  it('a year or a long number followed by a space and three digits is not one grouped number', () => {
    expect(found('2022 100人参加', 'figure')).toEqual(['100人']);
    expect(found('审计项目19  330项', 'figure')).toEqual(['330项']);
  });

  it('a decimal point after a space (two inline pieces on two source lines: <span>48</span>\\n<span>.6%</span>)', () => {
    expect(found('审计整改率达48 .6%,', 'figure')).toEqual(['48 .6%']);
  });

  it('a section number with its point stays apart from the figure after it', () => {
    expect(found('1. 30个项目完成审计', 'figure')).toEqual(['30个']);
    expect(found('1．\u3000330项问题已整改', 'figure')).toEqual(['330项']);
  });
});

describe('titles written with full-width digits', () => {
  // From the announcement of fixtures/pages/chinatax-2018-small-taxpayer-announcement-mirror.html.
  const notice = [
    '现将统一小规模纳税人标准等若干增值税问题公告如下:',
    '一、同时符合以下条件的一般纳税人,可选择按照《财政部税务总局关于统一增值税小规模纳税人标准的通知》(财税[2018]33号)第二条的规定,转登记为小规模纳税人,或选择继续作为一般纳税人:',
    '(一)根据《中华人民共和国增值税暂行条例》第十三条和《中华人民共和国增值税暂行条例实施细则》第二十八条的有关规定,登记为一般纳税人。',
  ];
  it.each(['国家税务总局公告２０１８年第１８号', '财政部 税务总局关于统一增值税小规模纳税人标准的通知 财税[２０１８]３３号', '财税[２０１８]３３号 财政部 税务总局关于统一增值税小规模纳税人标准的通知'])(
    '%s is a document',
    (title) => {
      expect(classifyPage(features(title, notice)).kind).toBe('document');
    },
  );
});

describe('numbers typed in full-width mode', () => {
  it('a full-width comma groups full-width digits', () => {
    expect(found('管理不规范金额１２６，９３２．３９万元，提出审计建议４７条。', 'figure')).toEqual(['１２６，９３２．３９万元', '４７条']);
    expect(recognize('共查出问题１，３３０项').find((m) => m.category === 'figure')).toMatchObject({ text: '１，３３０项', value: 1330 });
  });

  it('beside half-width digits a full-width comma lists', () => {
    expect(found('审计项目1，330项', 'figure')).toEqual(['330项']);
    expect(found('审计项目１，330项', 'figure')).toEqual(['330项']);
  });
});
