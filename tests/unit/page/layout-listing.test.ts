// Listings that quote reports: search results and column listings with abstracts. Their article candidate is one
// result's abstract, or the list of results, under a title that names a report; the abstracts are longer than their
// heading links, so link density does not tell them. What does: the article is one of like siblings each headed by
// a link to another page, or holds them.
import { describe, expect, it } from 'vitest';
import { analyzeLayout } from '../../../page/layout';
import { pageFeatures, scanPage } from '../../../page/scan';
import { classifyPage } from '../../../recognition/page-kind';
import { REAL_PAGES_DIR, domFrom, loadPage, realPages } from '../../support/fixtures';

async function verdictOf(doc: Document) {
  const layout = await analyzeLayout(doc);
  return { layout, ...classifyPage(pageFeatures(layout)) };
}

const formula =
  '静海区政务服务办始终坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神,全面贯彻习近平法治思想……现将法治政府建设工作完成情况报告如下:一、2022年度推进法治政府建设的主要举措和成效 (一)深入落实“放管服”改革……';
const prose = '为深入贯彻落实党中央、国务院关于法治政府建设的决策部署,全面推进依法行政,进一步规范行政执法行为,提高行政执法效能,结合本区实际,制定本方案。';
const header = '<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>';

describe('search results whose first abstract holds a report’s formula', () => {
  it('the real page in that order is a listing, not a report', async () => {
    const page = realPages.find((p) => p.file === 'jinghai-2024-site-search-rule-of-law-reports-formula-first.html')!;
    const { layout, kind, reason } = await verdictOf(loadPage(page, REAL_PAGES_DIR));
    expect(layout.listing).toBe(true);
    expect([kind, reason]).toEqual(['none', 'listing']);
    expect((await scanPage(loadPage(page, REAL_PAGES_DIR))).matches).toEqual([]);
  });

  it('results as list items with long abstracts, whose list becomes the article, are a listing', async () => {
    const item = (n: number) =>
      `<li><a href="/zwgk/2024${n}.html">某区${2020 + n}年度法治政府建设情况报告</a><p>${formula}${prose}${prose}</p><span>2024-03-2${n}</span></li>`;
    const doc = domFrom(`<title>法治政府建设情况报告_站内搜索</title><body>${header}<div class="results"><h1>法治政府建设情况报告</h1>
      <ul class="list">${[1, 2, 3, 4, 5, 6].map(item).join('')}</ul></div></body>`);
    const { layout, kind } = await verdictOf(doc);
    expect(layout.listing).toBe(true);
    expect(kind).toBe('none');
  });
});

describe('reports that are no listing', () => {
  const report = (sections: string) =>
    domFrom(`<title>某区2023年度法治政府建设情况报告</title><body>${header}<div class="content"><h1>某区2023年度法治政府建设情况报告</h1>
      <div class="article"><p>2023年,我区坚持以习近平新时代中国特色社会主义思想为指导,现将法治政府建设情况报告如下:</p>${sections}</div></div>
      <div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">某区2022年度法治政府建设情况报告</a></li><li><a href="/b.html">某区2021年度法治政府建设情况报告</a></li><li><a href="/c.html">某区2020年度法治政府建设情况报告</a></li></ul></div></body>`);

  it('a report above a list of related reports is a report', async () => {
    const { layout, kind } = await verdictOf(report(['一、主要举措', '二、存在问题', '三、下一步安排'].map((h) => `<h3>${h}</h3><p>${prose}${prose}</p>`).join('')));
    expect(layout.listing).toBe(false);
    expect(kind).toBe('report');
  });

  it('a report whose sections open with links to their own anchors is a report', async () => {
    const sections = ['一、主要举措', '二、存在问题', '三、下一步安排']
      .map((h, i) => `<div class="section"><a href="#s${i}" name="s${i}">${h}和成效</a><p>${prose}${prose}</p></div>`)
      .join('');
    const { layout, kind } = await verdictOf(report(sections));
    expect(layout.listing).toBe(false);
    expect(kind).toBe('report');
  });

  it('a notice whose text ends in a list of linked attachments is a document', async () => {
    const attachments = ['某区行政执法公示制度实施办法', '某区执法全过程记录制度实施办法', '某区重大执法决定法制审核制度实施办法']
      .map((t, i) => `<p>${i ? '' : '附件：'}<a href="/files/${i + 1}.doc">${i + 1}.${t}</a></p>`)
      .join('');
    const doc = domFrom(`<title>关于印发某区全面推行行政执法三项制度实施方案的通知</title><body>${header}<div class="content">
      <h1>关于印发某区全面推行行政执法三项制度实施方案的通知</h1><div class="article"><p>各街道办事处,区政府各部门:</p>
      <p>${prose}现将《某区全面推行行政执法三项制度实施方案》印发给你们,请认真贯彻执行。</p><p>${prose}${prose}</p>${attachments}</div></div></body>`);
    const { layout, kind } = await verdictOf(doc);
    expect(layout.listing).toBe(false);
    expect(kind).toBe('document');
  });
});
