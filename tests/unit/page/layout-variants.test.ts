// The fixture reports re-dressed in other CMS templates a county site might use (table layouts of older sites, an
// article of <br>-separated lines, a news page with related links and share bars). The text is the same, so the
// gold labels still hold: recognition on the page must not depend on the template.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../page/scan';
import { domFrom, fixturePages, gold, loadPage, type FixturePage } from '../../support/fixtures';
import { score } from '../../support/score';

interface Parts {
  title: string;
  metadata: string;
  paragraphs: string[];
  signature: string[];
}

/** The report's own parts, read from the fixture page's markup. */
function partsOf(page: FixturePage): Parts {
  const doc = loadPage(page);
  const article = doc.querySelector('.article')!;
  const sign = [...article.querySelectorAll('.sign p')].map((p) => p.textContent!.trim());
  const paragraphs = [...article.querySelectorAll(':scope > p, :scope > h2, :scope > h3')].map((p) => p.textContent!.trim());
  return {
    title: (doc.querySelector('h1, .title')!.textContent ?? '').trim(),
    metadata: doc.querySelector('table.xxgk')?.outerHTML ?? '',
    paragraphs,
    signature: sign,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const FOOTER = '<p>主办单位:某某区人民政府办公室 网站标识码:3703030001 鲁ICP备05001234号 鲁公网安备37030302000123号 联系电话:0533-2181234</p>';

const TEMPLATES: Record<string, (p: Parts) => string> = {
  'an old table layout': (p) => `<html><head><title>${esc(p.title)}-某某区人民政府</title></head><body>
    <table width="100%"><tr><td><a href="#">首页</a> | <a href="#">政务公开</a> | <a href="#">办事服务</a></td></tr></table>
    <table width="980" align="center"><tr><td>
      ${p.metadata}
      <table width="100%"><tr><td class="biaoti" align="center"><b>${esc(p.title)}</b></td></tr>
      <tr><td align="center">时间:2018-03-12 来源:区政府办 点击数:386</td></tr>
      <tr><td id="zoom">${p.paragraphs.map((t) => `<p>&nbsp;&nbsp;${esc(t)}</p>`).join('')}
        <p align="right">${p.signature.map(esc).join('<br>')}</p></td></tr></table>
    </td></tr></table>
    <table class="bottom" width="100%"><tr><td>${FOOTER}</td></tr></table></body></html>`,
  'one div of <br>-separated lines': (p) => `<html><head><title>${esc(p.title)}</title></head><body>
    <div class="header"><a href="#">首页</a></div>
    <div class="main"><h2 class="art-title">${esc(p.title)}</h2>${p.metadata}
      <div class="TRS_Editor">${p.paragraphs.map((t) => `&nbsp;&nbsp;&nbsp;&nbsp;${esc(t)}`).join('<br>\n')}<br>${p.signature.map(esc).join('<br>')}</div>
    </div><div class="footer">${FOOTER}</div></body></html>`,
  'a news page with related links and a share bar': (p) => `<html><head><title>${esc(p.title)}_某某新闻网</title></head><body>
    <ul class="nav"><li><a href="#">首页</a></li><li><a href="#">时政</a></li></ul>
    <div class="content-left"><div class="news-title"><h1>${esc(p.title)}</h1><span>2018年03月13日 08:15 来源:某某日报</span></div>
      ${p.metadata}<div class="news-body">${p.paragraphs.map((t) => `<div><font size="3">${esc(t)}</font></div>`).join('')}
        ${p.signature.map((t) => `<div style="text-align:right">${esc(t)}</div>`).join('')}</div>
      <div class="share-bar">分享到:微信 微博 <span>阅读 1.2万</span></div>
      <div class="related"><h3>相关新闻</h3><ul><li><a href="#">市政府印发《关于加强行政执法监督的意见》(淄政办字[2018]9号)</a> 2018-03-01</li>
      <li><a href="#">我市开展法治政府建设督查 发现问题36项</a> 2018-02-20</li></ul></div></div>
    <div class="content-right"><h3>热点排行</h3><ol><li><a href="#">全市新增就业1.2万人</a></li></ol></div>
    <div class="footer">${FOOTER}</div></body></html>`,
};

const reports = fixturePages.filter((p) => p.kind !== 'none' && p.file !== 'duolun-2012-report.html');

describe('the fixture reports in other templates', () => {
  for (const [template, render] of Object.entries(TEMPLATES)) {
    for (const page of reports) {
      it(`${page.file} as ${template}: kind, document numbers and figures as on the original`, async () => {
        const doc = domFrom(render(partsOf(page)), `http://${page.host}${encodeURI(page.path)}`);
        const scan = await scanPage(doc, async () => {});
        const g = gold(page.file);
        expect(scan.kind, scan.reason).toBe(g.kind);
        const texts = (c: string) => scan.matches.filter((m) => m.category === c).map((m) => m.text);
        for (const [kind, found] of [['docNumbers', texts('docno')], ['figures', texts('figure')]] as const) {
          const s = score(found, g[kind], kind, g.lenient);
          const notes = `missed ${s.missed.join(' | ')}; wrong ${s.wrong.join(' | ')}`;
          expect(s.fn, notes).toBeLessThanOrEqual(Math.floor(g[kind].length * 0.03));
          expect(s.fp, notes).toBe(0);
        }
      });
    }
  }
});
