import { describe, expect, it } from 'vitest';
import { analyzeLayout } from '../../../page/layout';
import { pageFeatures, scanPage } from '../../../page/scan';
import { classifyPage, HAN_ENOUGH } from '../../../recognition/page-kind';
import { Slicer, UNSLICED_MS_PER_CHAR } from '../../../page/slices';
import { domFrom, fixturePages, loadPage } from '../../support/fixtures';

async function verdictOf(doc: Document) {
  const layout = await analyzeLayout(doc);
  const features = pageFeatures(layout);
  return { layout, mainText: features.mainText, ...classifyPage(features) };
}

describe('layout and page kind on the fixture pages', () => {
  for (const page of fixturePages) {
    it(`${page.file} is ${page.kind}`, async () => {
      const { kind, reason } = await verdictOf(loadPage(page));
      expect(kind, reason).toBe(page.kind);
    });
  }

  it('takes the title and the metadata block into the main content, and leaves the footer out', async () => {
    const page = fixturePages.find((p) => p.file === 'changqing-2018-opinion.html')!;
    const { layout, mainText } = await verdictOf(loadPage(page));
    expect(layout.title).toBe('济南市长清区人民政府关于加强法治政府建设的实施意见');
    expect(mainText).toContain('济长政发〔2018〕8号');
    expect(mainText).toContain('2018年8月7日');
    expect(mainText).not.toContain('ICP');
    expect(mainText).not.toContain('网站标识码');
  });

  it('leaves a feedback form after the text out', async () => {
    const page = fixturePages.find((p) => p.file === 'datong-2023-report.html')!;
    const { mainText } = await verdictOf(loadPage(page));
    expect(mainText).toContain('强化法治宣传');
    expect(mainText).not.toContain('验 证 码');
  });
});

const article = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');
const prose = '为深入贯彻落实党中央、国务院关于法治政府建设的决策部署,全面推进依法行政,进一步规范行政执法行为,提高行政执法效能,结合本区实际,制定本方案。';

describe('page kind on pages written for the cases the fixtures lack', () => {
  it('a report reproduced on a news page without metadata is a report', async () => {
    const doc = domFrom(`<title>某县2019年度法治政府建设情况报告 - 某某新闻网</title><body><div class="nav"><a>首页</a></div>
      <div class="content"><h1>某县2019年度法治政府建设情况报告</h1>${article(['一、基本情况', prose, prose, '二、主要做法', prose, prose, '三、存在问题', prose, prose, prose])}</div></body>`);
    expect((await verdictOf(doc)).kind).toBe('report');
  });

  it('news about a report is not a report', async () => {
    const doc = domFrom(`<title>我区发布2019年度法治政府建设报告</title><body><div class="content"><h1>我区发布2019年度法治政府建设报告</h1>${article([
      '日前,区政府在门户网站发布了2019年度法治政府建设情况报告,报告共分三个部分,全面总结了一年来全区法治政府建设取得的成效。记者了解到,今年全区将继续推进依法行政工作。'.repeat(3),
    ])}</div></body>`);
    expect((await verdictOf(doc)).kind).toBe('none');
  });

  it('an interpretation of a document is not a document', async () => {
    const doc = domFrom(`<title>《关于加强法治政府建设的实施意见》政策解读</title><body><div class="content"><h1>《关于加强法治政府建设的实施意见》政策解读</h1>${article(['一、制定背景', prose, prose, '二、主要内容', prose, prose, prose])}</div></body>`);
    expect((await verdictOf(doc)).kind).toBe('none');
  });

  it('a notice (通知) titled in the official form is a document, even with a verb like 召开 in it', async () => {
    const doc = domFrom(`<title>关于召开全区法治政府建设工作会议的通知_通知公告</title><body><div class="content"><h1>关于召开全区法治政府建设工作会议的通知</h1>${article(['各镇人民政府、街道办事处,区政府各部门:', prose, '一、会议时间', prose, '二、会议地点', prose, '特此通知。'])}</div></body>`);
    expect((await verdictOf(doc)).kind).toBe('document');
  });

  it('an English page is none', async () => {
    const doc = domFrom(`<title>Annual report on law-based government</title><body><article><h1>Annual report on law-based government</h1>${article(Array(20).fill('The district government reviewed 36 regulations and trained 480 officials in 2017.'))}</article></body>`);
    expect((await verdictOf(doc)).kind).toBe('none');
  });

  it('a whole page wrapped in an ASP.NET <form> still has its text found', async () => {
    const doc = domFrom(`<title>某区关于2018年度法治政府建设工作的报告</title><body><form id="form1"><div class="main"><h1>某区关于2018年度法治政府建设工作的报告</h1>${article(['一、工作开展情况', prose, prose, '二、存在的问题', prose, prose])}</div></form></body>`);
    expect((await verdictOf(doc)).kind).toBe('report');
  });
});

describe('layouts of older CMS templates', () => {
  it('finds an article written as one <div> of <br>-separated lines', async () => {
    const lines = ['一、工作开展情况', prose, prose, '二、存在的问题', prose, prose].join('<br>');
    const doc = domFrom(`<title>某县人民政府关于2016年度依法行政工作情况的报告</title><body><div class="head"><a>首页</a></div>
      <div class="bt">某县人民政府关于2016年度依法行政工作情况的报告</div><div id="zoom">${lines}</div></body>`);
    const { kind, mainText } = await verdictOf(doc);
    expect(kind).toBe('report');
    expect(mainText).toContain('二、存在的问题');
  });

  it('finds an article laid out in table cells, with its title in another row', async () => {
    const doc = domFrom(`<title>某市人民政府办公室关于印发某某实施方案的通知</title><body><table><tr><td><a>首页</a> <a>政务公开</a></td></tr>
      <tr><td class="title">某市人民政府办公室关于印发某某实施方案的通知</td></tr>
      <tr><td class="content">${article(['各县(市、区)人民政府,市政府各部门:', prose, '一、工作目标', prose, prose, '二、工作任务', prose, prose])}</td></tr></table></body>`);
    const { kind, layout, mainText } = await verdictOf(doc);
    expect(kind).toBe('document');
    expect(layout.title).toBe('某市人民政府办公室关于印发某某实施方案的通知');
    expect(mainText).toContain('各县(市、区)人民政府');
    expect(mainText).not.toContain('政务公开');
  });
});

describe('titles', () => {
  const page = (title: string, body: string[]) =>
    domFrom(`<title>${title}</title><body><div class="content"><h1>${title}</h1>${article(body)}</div></body>`);
  it('a title with its document number appended still reads as its type', async () => {
    const doc = page('某区人民政府办公室关于印发法治政府建设工作要点的通知(某政办字〔2021〕13号)', ['各镇人民政府,区政府各部门:', prose, '一、工作目标', prose, '二、主要任务', prose]);
    expect((await verdictOf(doc)).kind).toBe('document');
  });
  it('a report titled "…建设情况" without the word 报告 is a report', async () => {
    const doc = page('某县2020年度法治政府建设情况', ['一、主要工作', prose, prose, '二、存在问题', prose, '三、下一步打算', prose]);
    expect((await verdictOf(doc)).kind).toBe('report');
  });
  it('a short announcement (公告) is a document', async () => {
    const doc = page('某市人民政府关于调整行政执法主体的公告', ['根据《中华人民共和国行政处罚法》有关规定,经市政府研究同意,现将调整后的行政执法主体予以公告。特此公告。']);
    expect((await verdictOf(doc)).kind).toBe('document');
  });
});

describe('a title written as the article’s first paragraph', () => {
  it('is read when the page itself is titled with the site’s name', async () => {
    const doc = domFrom(`<title>某某县人民政府门户网站</title><body><div class="nav"><a>首页</a></div><div class="content">
      ${article(['某某县人民政府关于2019年度法治政府建设情况的报告', '县委、县政府:', prose, '一、主要工作', prose, prose, '二、存在问题', prose])}</div></body>`);
    const { kind, layout } = await verdictOf(doc);
    expect(layout.firstLine).toBe('某某县人民政府关于2019年度法治政府建设情况的报告');
    expect(kind).toBe('report');
  });
});

describe('the document\u2019s head, printed apart from the body', () => {
  // The red-header layout of many ministry sites: the title and the document's own number each in a table row of their
  // own, the body in a container below them; the number's digits each in their own inline element.
  const redHeader = (title: string, head: string) => `<title>${title}</title><body>
    <table><tr><td><a href="#">首页</a> <a href="#">政务公开</a></td></tr></table>
    <table><tr><td><p align="center"><b><span>${title}</span></b></p></td></tr>
    <tr><td style="border-bottom:#ff0000 2px solid">${head}</td></tr>
    <tr><td class="bt_content"><div id="zoom">${article(['各省、自治区、直辖市国土资源主管部门：', prose, '一、主要任务', prose, prose, '二、工作要求', prose, prose])}</div></td></tr></table>
    <div class="footer">网站标识码:bm1234 京ICP备05001234号</div></body>`;

  it('takes the document\u2019s own number in a table cell above the body into the main content', async () => {
    const doc = domFrom(redHeader('国土资源部关于开展土地矿产卫片执法检查工作的通知', '<span>国土资发〔<span lang="EN-US">2013</span>〕<span lang="EN-US">21</span>号</span>'));
    const { kind, mainText } = await verdictOf(doc);
    expect(kind).toBe('document');
    expect(mainText).toContain('国土资发〔2013〕21号');
    expect(mainText).toContain('国土资源部关于开展土地矿产卫片执法检查工作的通知');
    expect(mainText).not.toContain('政务公开');
    expect(mainText).not.toContain('ICP');
    const scan = await scanPage(doc);
    expect(scan.matches.filter((m) => m.category === 'docno').map((m) => m.text)).toEqual(['国土资发〔2013〕21号']);
  });

  it('takes the issuing agency\u2019s mark (…文件) and a number above the title', async () => {
    const doc = domFrom(`<title>某某县人民政府关于印发某某实施方案的通知</title><body><div class="nav"><a>首页</a></div>
      <div class="wenhao"><p>某某县人民政府文件</p><p>某政发〔2021〕7号</p></div>
      <h1 class="title">某某县人民政府关于印发某某实施方案的通知</h1>
      <div class="content">${article(['各乡镇人民政府，县政府各部门：', prose, '一、工作目标', prose, prose, '二、工作任务', prose])}</div></body>`);
    const { mainText } = await verdictOf(doc);
    expect(mainText.replace(/\s+/g, '')).toContain('某某县人民政府文件某政发〔2021〕7号某某县人民政府关于印发某某实施方案的通知');
    expect(mainText).not.toContain('首页');
  });

  it('does not take a number standing in other text above the body (a related link, a sidebar)', async () => {
    const doc = domFrom(redHeader('国土资源部关于开展土地矿产卫片执法检查工作的通知', '相关文件：<a href="#">国土资发〔2012〕16号</a>'));
    const { mainText } = await verdictOf(doc);
    expect(mainText).not.toContain('国土资发〔2012〕16号');
  });
});


describe('pieces of text for recognition', () => {
  it('are cut after a line end or a clause end, never inside a number', async () => {
    const { pieceEnd } = await import('../../../recognition/pieces');
    const line = '共办理案件12620件，其中行政复议案件16期培训480余名，办结率96.25%。'.repeat(40);
    const text = `${line}\n${line}`;
    for (let size = 1; size < 200; size += 7) {
      for (let at = 0; at < text.length; ) {
        const cut = pieceEnd(text, at, size, text.length);
        expect(cut).toBeGreaterThan(at);
        expect(cut === text.length || /[\n。，]/.test(text[cut - 1])).toBe(true);
        at = cut;
      }
    }
  });

  it('are not cut where a figure runs on to the next printed line (a report converted from PDF)', async () => {
    const { linePieces } = await import('../../../recognition/pieces');
    const { recognize } = await import('../../../recognition/recognize');
    const lines = ['全年实现地区生产总值达到 6.6', '亿元，同比增长8.2%，新建高标准农田 13 万', '亩，完成造林绿化面积1200', '公顷。'];
    const text = Array.from({ length: 30 }, () => lines.join('\n \n')).join('\n');
    const whole = recognize(text).map((m) => `${m.start}:${m.text}`);
    expect(whole).toContain(`${text.indexOf('6.6')}:6.6\n \n亿元`);
    for (let size = 5; size < 120; size += 3) {
      const found: string[] = [];
      for (const [from, to] of linePieces(text, 0, text.length, size)) {
        for (const m of recognize(text.slice(from, to))) found.push(`${m.start + from}:${m.text}`);
      }
      expect(found).toEqual(whole);
    }
  });

  it('are not cut where a document number runs on to the next printed line', async () => {
    const { linePieces } = await import('../../../recognition/pieces');
    const { recognize } = await import('../../../recognition/recognize');
    const lines = ['为进一步做好全区规范性文件管理工作，根据国发', '〔2015〕68号和国办发〔2016〕', '12号文件精神，按照市人民政府令第', '45号的要求，结合实际，制定本方案。'];
    const text = Array.from({ length: 30 }, () => lines.join('\n')).join('\n');
    const whole = recognize(text).filter((m) => m.category === 'docno').map((m) => `${m.start}:${m.text}`);
    expect(whole.slice(0, 3)).toEqual([
      `${text.indexOf('国发')}:国发\n〔2015〕68号`,
      `${text.indexOf('国办发')}:国办发〔2016〕\n12号`,
      `${text.indexOf('市人民政府令')}:市人民政府令第\n45号`,
    ]);
    for (let size = 5; size < 120; size += 3) {
      const found: string[] = [];
      for (const [from, to] of linePieces(text, 0, text.length, size)) {
        for (const m of recognize(text.slice(from, to))) if (m.category === 'docno') found.push(`${m.start + from}:${m.text}`);
      }
      expect(found).toEqual(whole);
    }
  });
});

describe('a long page’s steps that cannot be sliced', () => {
  const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>${i + 1}、${prose}</p>`).join('');
  const html = `<html><head><title>某区人民政府关于加强法治政府建设的实施意见</title></head><body><div id="content">${paragraphs}</div></body></html>`;

  it('counts the article’s Chinese characters only as far as the page kind asks', async () => {
    const layout = await analyzeLayout(domFrom(html));
    const all = layout.map.text.replace(/[^\u3400-\u9fff]/g, '').length;
    expect(all).toBeGreaterThan(HAN_ENOUGH * 20);
    expect(layout.articleHan).toBeGreaterThanOrEqual(HAN_ENOUGH);
    expect(layout.articleHan).toBeLessThan(all / 4);
    expect(classifyPage(pageFeatures(layout)).kind).toBe('document');
  });

  it('begin with room for them in the task: choosing the article, and the page kind unless the reader set it', async () => {
    class Recording extends Slicer {
      reserved: number[] = [];
      override async reserve(ms: number): Promise<void> {
        this.reserved.push(ms);
        return super.reserve(ms);
      }
    }
    const judged = new Recording();
    const scan = await scanPage(domFrom(html), judged);
    const room = scan.layout.map.text.length * UNSLICED_MS_PER_CHAR;
    expect(judged.reserved).toEqual([room, room]);
    const set = new Recording();
    await scanPage(domFrom(html), set, 'report');
    expect(set.reserved).toEqual([room]);
  });
});

describe('articles whose text is in lists (a notice copied into Markdown, as GitHub shows it)', () => {
  const item = (n: number) => `<li>第${n}项任务:${prose}${prose}</li>`;
  const readme = (body: string) =>
    domFrom(`<title>notices/2011-10-26.md at main · school/notices · GitHub</title><body><header><a>Sign in</a></header>
      <div id="readme"><article class="markdown-body entry-content">
      <p align="center"><strong>某市教育局关于做好名师工作室成员申报的通知</strong></p>
      <p>各镇(街道)中小学、市直属学校:</p>${body}
      <p align="right">某市教育局办公室<br>二〇一一年十月二十六日</p></article></div></body>`);

  it('finds the whole article, not its longest list, when paragraphs and lists alternate', async () => {
    const section = (h: string, n: number) =>
      `<div class="markdown-heading"><h3>${h}</h3><a class="anchor" href="#">#</a></div><ol>${[...Array(n)].map((_, i) => `<li>选拔条件:年龄40周岁以下,教龄5年以上的骨干教师${i}。</li>`).join('')}</ol>`;
    const doc = readme(
      `<p>为了更好地发挥名师的传、帮、带作用,现将有关事项通知如下:</p>${section('一、首批名师工作室成员', 3)}${section('二、名家工作室成员', 3)}` +
        `<div class="markdown-heading"><h3>三、相关要求</h3></div><ol>${item(1)}${item(2)}</ol>`,
    );
    const { kind, layout, mainText } = await verdictOf(doc);
    expect(layout.firstLine).toBe('某市教育局关于做好名师工作室成员申报的通知');
    expect(kind).toBe('document');
    expect(mainText).toContain('各镇(街道)中小学');
    expect(mainText).toContain('一、首批名师工作室成员');
    expect(mainText).toContain('第2项任务');
  });

  it('finds the whole article when one long list holds nearly all its text', async () => {
    const doc = readme(`<p>现将有关事项通知如下:</p><ol>${item(1)}${item(2)}${item(3)}${item(4)}</ol>`);
    const { kind, layout, mainText } = await verdictOf(doc);
    expect(layout.firstLine).toBe('某市教育局关于做好名师工作室成员申报的通知');
    expect(kind).toBe('document');
    expect(mainText).toContain('现将有关事项通知如下');
    expect(mainText).toContain('第4项任务');
  });
});

describe('paragraphs vote for the container that holds them', () => {
  it('so an article of short paragraphs outweighs one long paragraph in a box beside it', async () => {
    const short = '依法全面履行政府职能,深化“放管服”改革,推进政务服务标准化。';
    const doc = domFrom(`<title>某县2020年度法治政府建设工作报告_某县人民政府</title><body>
      <div class="main"><h1>某县2020年度法治政府建设工作报告</h1><div class="content">${article(['一、主要举措', short, short, short, '二、存在问题', short, short, short])}</div></div>
      <div class="box"><p>${prose}${prose}</p></div></body>`);
    const { kind, mainText } = await verdictOf(doc);
    expect(kind).toBe('report');
    expect(mainText).toContain('二、存在问题');
    expect(mainText).not.toContain('结合本区实际');
  });
});
