// A notice converted from PDF, as document-sharing and mirror sites print one: every printed line a positioned
// <div> of its own, so a document number cited in the prose may be cut where the line ended. The scan reads it as a
// reader does, the break folded away, in whichever part the line ends.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../page/scan';
import { domFrom } from '../../support/fixtures';

const TITLE = '某某县人民政府办公室关于进一步加强行政规范性文件管理的通知';
// Printed lines of about 24 characters, as the PDF set them.
const LINES = [
  '各乡镇人民政府，县政府各部门：',
  '为进一步加强行政规范性文件制定和监督管理工作，',
  '根据《国务院办公厅关于加强行政规范性文件制定和监督管',
  '理工作的通知》（国办发〔2018〕37号）和《国务院办公厅',
  '关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发',
  '〔2018〕115号）精神，以及《某某省行政规范性文件管理办法》（省人民政府令第',
  '286号）的规定，现将有关事项通知如下：',
  '一、严格制定程序。全县共清理行政规范性文件57件，其中废止9件、修改6件。',
];

const page = `<html><head><title>${TITLE}</title></head><body><h1>${TITLE}</h1><div class="pdf">${LINES.map(
  (line, i) => `<div style="position:absolute;top:${120 + i * 28}px;left:96px">${line}</div>`,
).join('\n')}</div></body></html>`;

describe('a notice converted from PDF, a block per printed line', () => {
  it('finds the document numbers that a line end cut in two', async () => {
    const scan = await scanPage(domFrom(page, 'http://www.example.gov.cn/zwgk/2019/0412/notice.html'));
    expect(scan.kind, scan.reason).toBe('document');
    const numbers = scan.matches.filter((m) => m.category === 'docno').map((m) => m.text.replace(/\s+/g, ''));
    expect(numbers).toEqual(['国办发〔2018〕37号', '国办发〔2018〕115号', '省人民政府令第286号']);
    expect(scan.matches.filter((m) => m.category === 'figure').map((m) => m.text)).toEqual(['57件', '9件', '6件']);
  });
});

// A report shown page by page, as document-sharing sites show a PDF: each page a box with its label or number
// around its printed lines. A last page of a few lines must not be left out of the article.
const REPORT_TITLE = '某某区2020年法治政府建设情况报告';
const PAGE_ONE = [
  '　　2020年，某某区坚持以习近平新时代中国特色社会主义思想',
  '为指导，按照《法治政府建设实施纲要（2015-2020年）》要求，',
  '依法全面履行政府职能，为全区经济社会发展创造良好法治环境。',
  '　　一、加强党对法治政府建设的领导。区委常委会着力研究部署',
  '法治政府建设工作，开展定期检查和专项督查，通过走访调研、听',
  '取报告等形式全面了解法治政府建设进展情况，查找工作短板。',
  '　　二、强化考核评价和督促检查。区委始终将法治建设成效作为',
  '衡量各乡镇、各部门领导班子和领导干部工作实绩的重要内容。',
];
const PAGE_TWO = ['　　三、深化行政审批制度改革。梳理确认政务服务事项清单31', '个，区级保留政务服务事项515项。'];

const pdfjsPage = (lines: string[], n: number, of: number) =>
  `<div class="page" data-page-number="${n}"><div class="page-label">第 ${n} 页 共 ${of} 页</div><div class="textLayer">${lines
    .map((l, i) => `<span role="presentation" style="left:113px;top:${140 + i * 38}px">${l}</span><br role="presentation">`)
    .join('')}<span role="presentation" style="left:375px;top:1040px">- ${n} -</span></div></div>`;
const pdf2htmlPage = (lines: string[], n: number) =>
  `<div id="pf${n}" class="pf w0 h0" data-page-no="${n}"><div class="pc pc${n} w0 h0">${lines
    .map((l, i) => `<div class="t m0 x1 h3 ff1" style="left:102px;bottom:${1000 - i * 32}px">${l}</div>`)
    .join('')}<div class="t m0 x3 h4 ff2" style="left:380px;bottom:60px">- ${n} -</div></div></div>`;

const paged = (pages: string) =>
  `<html><head><title>${REPORT_TITLE} - 文库</title></head><body><div class="top"><a href="/">文库</a></div>` +
  `<h1>${REPORT_TITLE}</h1><div id="viewer">${pages}</div><div class="foot">Copyright © 文库</div></body></html>`;

describe('a report shown as PDF pages', () => {
  it.each([
    ['pdf.js text layers', paged(pdfjsPage(PAGE_ONE, 1, 2) + pdfjsPage(PAGE_TWO, 2, 2))],
    ['pdf2htmlEX page boxes', paged(pdf2htmlPage(PAGE_ONE, 1) + pdf2htmlPage(PAGE_TWO, 2))],
  ])('reads every page of it (%s)', async (_, html) => {
    const scan = await scanPage(domFrom(html, 'http://wenku.example.com/p-1.html'));
    expect(scan.kind, scan.reason).toBe('report');
    const figures = scan.matches.filter((m) => m.category === 'figure').map((m) => m.text.replace(/\s+/g, ''));
    expect(figures).toEqual(['31个', '515项']);
  });
});

// A page break inside a sentence: between the last line of one page and the first of the next the converted text
// keeps the page's number and the viewer's label for the next page, and a number may be cut there as at a line end.
describe('a number cut by a page break', () => {
  const ONE = [
    '各市人民政府，省政府各部门、各直属机构：',
    '　　现代预算制度是现代财政制度的基础。建立全面规范、公开透明',
    '的现代预算制度，是深化财税体制改革的重要内容。根据新修订的',
    '《中华人民共和国预算法》、《国务院关于深化预算管理制度改革',
    '的决定》（国发〔2014〕',
  ];
  const TWO = ['45号）和《中共某某省委关于深化财税体制改革的意见》（某发〔2014〕', '18号）要求，全省共清理规范性文件57', '件，现提出以下实施意见。'];
  const TITLE = '某某省人民政府关于深化预算管理制度改革的实施意见';
  const docOf = (pages: string) =>
    domFrom(`<html><head><title>${TITLE}</title></head><body><h1>${TITLE}</h1><div id="viewer">${pages}</div></body></html>`);
  const numbersAndFigures = async (doc: Document) => {
    const scan = await scanPage(doc);
    expect(scan.kind, scan.reason).toBe('document');
    const texts = (c: string) => scan.matches.filter((m) => m.category === c).map((m) => m.text.replace(/\s+/g, ''));
    return { numbers: texts('docno'), figures: texts('figure') };
  };

  it.each([
    ['pdf.js text layers with page labels', pdfjsPage(ONE, 1, 2) + pdfjsPage(TWO, 2, 2)],
    ['pdf2htmlEX page boxes', pdf2htmlPage(ONE, 1) + pdf2htmlPage(TWO, 2)],
    [
      'a paragraph per printed line, the page number one of them',
      [...ONE, '- 1 -', '— 2 —', ...TWO.slice(0, 2), '第 2 页 共 3 页', ...TWO.slice(2)].map((l) => `<p>${l}</p>`).join(''),
    ],
  ])('reads the number and the figure on across it (%s)', async (_, pages) => {
    expect(await numbersAndFigures(docOf(pages))).toEqual({
      numbers: ['国发〔2014〕45号', '某发〔2014〕18号'],
      figures: ['57件'],
    });
  });

  it('leaves a page counter out of the text, but not a sentence that names a page', async () => {
    const scan = await scanPage(docOf([...ONE, '- 1 -', '第 2 页 共 3 页', '详见第 2 页附表。'].map((l) => `<p>${l}</p>`).join('')));
    const { text } = scan.layout.map;
    expect(text).not.toContain('- 1 -');
    expect(text).not.toContain('共 3 页');
    expect(text).toContain('详见第 2 页附表。');
  });
});
