// A real report's text (fixtures/pages/chaoyang-2022-audit-work-report.html) as CMS editors print it: Word's export
// (<p class=MsoNormal> of <span style> runs, &nbsp; indentation, <o:p>), <font> lines in a <div> with <br>, one <td>
// per paragraph, zero-width spaces left by a word processor, and the title only in <title>, joined to the site's
// name. The scan must read each as it reads the plain text: a report, with the same figures.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../page/scan';
import { recognize } from '../../../recognition/recognize';
import { domFrom } from '../../support/fixtures';

const TITLE = '关于汕头市潮阳区2022年度区本级预算执行和其他财政收支的审计工作报告';
// Without the paragraph that lays the report before the committee (请予审议): its two headings make it the report.
const PARAGRAPHS = [
  '主任、各位副主任、各位委员:',
  '根据审计法规定和区委审计委员会批准的审计计划,区审计局依法审计了2022年度区级预算执行、决算草案和其他财政收支情况。审计结果表明,在区委、区政府坚强领导下,各有关部门和单位坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,深入贯彻习近平总书记对广东系列重要讲话和重要指示精神,坚持稳字当头、稳中求进,完整、准确、全面贯彻新发展理念,统筹疫情防控和经济社会发展,统筹发展和安全,着力推动高质量发展,保持经济平稳运行。',
  '报告期间内共完成审计(调查)项目19个,共查出问题330项,涉及违规金额2377.2万元,管理不规范金额126932.39万元,提出审计建议47条。',
  '一、财政管理审计情况',
  '(一)区本级财政管理及决算草案审计',
  '按照上级审计机关统一部署,组织对区本级2022年度财政预算执行、决算草案和其他财政收支情况审计,延伸抽查区农业农村局、区城管局、区贵屿循环经济产业园区、铜盂镇、海门镇等5个单位。审计结果表明,区财政局等有关部门单位坚持稳中求进工作总基调,在新冠疫情反弹和经济严峻复杂的形势下,克服经济下行压力,多方筹措资金,力保重点领域支出,统筹疫情防控和经济社会发展各项保障工作;深化预算管理改革,强化增收节支,严控一般性支出,提高资金使用绩效。区级预算执行和财政管理情况总体较好。',
];
const FIGURES = recognize(PARAGRAPHS.join('\n'))
  .filter((m) => m.category === 'figure')
  .map((m) => m.text);
const SITE = '汕头市潮阳区人民政府门户网站';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page = (title: string, head: string, article: string) =>
  `<html><head><title>${title}</title></head><body><div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>${head}${article}<div class="footer">主办单位:汕头市潮阳区人民政府办公室 网站标识码:4405130001</div></body></html>`;
const h1 = `<h1>${TITLE}</h1>`;

const MARKUPS: Array<[string, string]> = [
  [
    "Word's export: <span style> runs, &nbsp; indentation, <o:p>",
    page(`${TITLE}-${SITE}`, h1, `<div class="TRS_Editor">${PARAGRAPHS.map(
      (p) => `<p class="MsoNormal" style="text-indent:32pt"><span style="font-family:仿宋_GB2312">&nbsp;&nbsp;&nbsp;&nbsp;</span><span style="font-family:仿宋_GB2312;font-size:16pt">${esc(p)}</span><o:p></o:p></p>`,
    ).join('')}</div>`),
  ],
  [
    '<font> lines in one <div> with <br>, indented with &emsp;',
    page(`${TITLE}_${SITE}`, h1, `<div id="zoom">${PARAGRAPHS.map((p) => `<font face="仿宋" size="4">&emsp;&emsp;${esc(p)}</font><br>`).join('\n')}</div>`),
  ],
  [
    'one <td> per paragraph, indented with ideographic spaces',
    page(`${TITLE}-${SITE}`, h1, `<table><tbody>${PARAGRAPHS.map((p) => `<tr><td>\u3000\u3000${esc(p)}</td></tr>`).join('')}</tbody></table>`),
  ],
  [
    'zero-width spaces before each paragraph and a BOM-indented heading',
    page(`${TITLE}-${SITE}`, h1, `<div class="article">${PARAGRAPHS.map((p) => `<p>&#8203;&#65279;\u3000\u3000${esc(p)}</p>`).join('')}</div>`),
  ],
  [
    'characters hidden between the digits by inline styles, as anti-copy templates and Word (mso-hide) print them',
    page(`${TITLE}-${SITE}`, h1, `<div class="article">${PARAGRAPHS.map((p, i) => {
      const hidden = ['display:none', 'DISPLAY: none', 'mso-hide:all'][i % 3];
      return `<p>${esc(p).replace(/(\d)(\d)/g, `$1<span style="${hidden}">8</span>$2`)}</p>`;
    }).join('')}</div>`),
  ],
  [
    'the title only in <title>, joined to the site name without spaces',
    page(`${TITLE}-${SITE}`, '', `<div class="article">${PARAGRAPHS.map((p) => `<p>&nbsp;&nbsp;${esc(p)}</p>`).join('')}</div>`),
  ],
];

describe('a real report in the markup CMS pages print', () => {
  it('the plain text has figures to find', () => {
    expect(FIGURES).toEqual(['19个', '330项', '2377.2万元', '126932.39万元', '47条', '5个']);
  });

  it.each(MARKUPS)('%s: a report with the same figures', async (_, html) => {
    const scan = await scanPage(domFrom(html, 'http://www.gdcy.gov.cn/zwgk/sjgz/content/post_2262437.html'));
    expect(scan.kind, scan.reason).toBe('report');
    expect(scan.matches.filter((m) => m.category === 'figure').map((m) => m.text)).toEqual(FIGURES);
  });
});
