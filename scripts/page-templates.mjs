// The fixture reports re-dressed in other templates a government, news or mirror site might use. The text is the
// same, so the gold labels still hold: recognition on the page must not depend on the template, and neither must
// its speed. Used by the unit tests of the layout (tests/unit/page/layout-variants.test.ts) and served as pages of
// their own by scripts/serve-fixtures.mjs, so the end-to-end tests and the benchmark meet them in Chromium.

/** A report's own parts, read from a fixture page's markup (the shared fixtures' CMS layout). */
export function partsOf(doc) {
  const article = doc.querySelector('.article');
  const sign = [...article.querySelectorAll('.sign p')].map((p) => p.textContent.trim());
  const paragraphs = [...article.querySelectorAll(':scope > p, :scope > h2, :scope > h3')].map((p) => p.textContent.trim());
  // The document's own number as the metadata table gives it (文号 | 济长政发〔2018〕8号), for templates without the table.
  const cells = [...doc.querySelectorAll('table.xxgk td')];
  const label = cells.findIndex((td) => /^文\s*号$/.test(td.textContent.trim()));
  return {
    title: (doc.querySelector('h1, .title')?.textContent ?? '').trim(),
    metadata: doc.querySelector('table.xxgk')?.outerHTML ?? '',
    number: label >= 0 ? cells[label + 1]?.textContent.trim() ?? '' : '',
    paragraphs,
    signature: sign,
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** Every run of digits in a <span> of its own, as Word exports and some editors write them: <span>2017</span>年. */
const spanDigits = (s) => esc(s).replace(/[0-9０-９]+(?:[.．][0-9０-９]+)?/g, (d) => `<span lang="EN-US">${d}</span>`);
const FOOTER = '<p>主办单位:某某区人民政府办公室 网站标识码:3703030001 鲁ICP备05001234号 鲁公网安备37030302000123号 联系电话:0533-2181234</p>';

export const TEMPLATES = [
  {
    slug: 'table-layout',
    name: 'an old table layout',
    render: (p) => `<html><head><title>${esc(p.title)}-某某区人民政府</title></head><body>
    <table width="100%"><tr><td><a href="#">首页</a> | <a href="#">政务公开</a> | <a href="#">办事服务</a></td></tr></table>
    <table width="980" align="center"><tr><td>
      ${p.metadata}
      <table width="100%"><tr><td class="biaoti" align="center"><b>${esc(p.title)}</b></td></tr>
      <tr><td align="center">时间:2018-03-12 来源:区政府办 点击数:386</td></tr>
      <tr><td id="zoom">${p.paragraphs.map((t) => `<p>&nbsp;&nbsp;${esc(t)}</p>`).join('')}
        <p align="right">${p.signature.map(esc).join('<br>')}</p></td></tr></table>
    </td></tr></table>
    <table class="bottom" width="100%"><tr><td>${FOOTER}</td></tr></table></body></html>`,
  },
  {
    slug: 'br-lines',
    name: 'one div of <br>-separated lines',
    render: (p) => `<html><head><title>${esc(p.title)}</title></head><body>
    <div class="header"><a href="#">首页</a></div>
    <div class="main"><h2 class="art-title">${esc(p.title)}</h2>${p.metadata}
      <div class="TRS_Editor">${p.paragraphs.map((t) => `&nbsp;&nbsp;&nbsp;&nbsp;${esc(t)}`).join('<br>\n')}<br>${p.signature.map(esc).join('<br>')}</div>
    </div><div class="footer">${FOOTER}</div></body></html>`,
  },
  {
    slug: 'news-page',
    name: 'a news page with related links and a share bar',
    render: (p) => `<html><head><title>${esc(p.title)}_某某新闻网</title></head><body>
    <ul class="nav"><li><a href="#">首页</a></li><li><a href="#">时政</a></li></ul>
    <div class="content-left"><div class="news-title"><h1>${esc(p.title)}</h1><span>2018年03月13日 08:15 来源:某某日报</span></div>
      ${p.metadata}<div class="news-body">${p.paragraphs.map((t) => `<div><font size="3">${esc(t)}</font></div>`).join('')}
        ${p.signature.map((t) => `<div style="text-align:right">${esc(t)}</div>`).join('')}</div>
      <div class="share-bar">分享到:微信 微博 <span>阅读 1.2万</span></div>
      <div class="related"><h3>相关新闻</h3><ul><li><a href="#">市政府印发《关于加强行政执法监督的意见》(淄政办字[2018]9号)</a> 2018-03-01</li>
      <li><a href="#">我市开展法治政府建设督查 发现问题36项</a> 2018-02-20</li></ul></div></div>
    <div class="content-right"><h3>热点排行</h3><ol><li><a href="#">全市新增就业1.2万人</a></li></ol></div>
    <div class="footer">${FOOTER}</div></body></html>`,
  },
  {
    slug: 'span-per-number',
    name: 'a <span> per number',
    render: (p) => `<html><head><title>${esc(p.title)}_某某区人民政府</title></head><body>
    <div class="head"><a href="#">首页</a> <a href="#">政务公开</a></div>
    <div class="wrap">${p.metadata}
      <div class="bt"><span style="font-size:22pt">${spanDigits(p.title)}</span></div>
      <div class="zw" id="UCAP-CONTENT">${p.paragraphs.map((t) => `<p class="MsoNormal" style="text-indent:32pt"><span style="font-family:仿宋_GB2312;font-size:16pt">${spanDigits(t)}</span></p>`).join('\n')}
        ${p.signature.map((t) => `<p align="right"><span>${spanDigits(t)}</span></p>`).join('')}</div>
    </div><div class="footer">${FOOTER}</div></body></html>`,
  },
  {
    slug: 'wechat',
    name: 'a WeChat-style article',
    render: (p) => `<html><head><meta charset="utf-8"><title>${esc(p.title)}</title><meta property="og:title" content="${esc(p.title)}"></head>
    <body id="activity-detail"><div id="js_article" class="rich_media"><div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
      <h1 class="rich_media_title" id="activity-name">${esc(p.title)}</h1>
      ${p.number ? `<section style="text-align:center"><span>${spanDigits(p.number)}</span></section>` : ''}
      <div id="meta_content" class="rich_media_meta_list"><a class="rich_media_meta_nickname" href="#" id="js_name">某某司法</a> <em id="publish_time">2018-03-13</em></div>
      <div class="rich_media_content" id="js_content">${p.paragraphs.map((t) => `<section style="line-height:1.75em;margin-bottom:12px;">${t.split(/(?<=[，。；])/).map((s) => `<span style="font-size:15px;letter-spacing:1px;">${spanDigits(s)}</span>`).join('')}</section>`).join('')}
        ${p.signature.map((t) => `<section style="text-align:right"><span>${esc(t)}</span></section>`).join('')}</div>
      <div class="rich_media_tool"><a href="#">阅读原文</a> <span>阅读 10万+</span> <span>在看 86</span></div>
    </div></div></div><div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div></body></html>`,
  },
  {
    slug: 'br-mirror',
    name: 'a <br> mirror',
    render: (p) => `<html><head><title>${esc(p.title)} - 文档下载 - 某某文库</title></head><body>
    <div class="top-bar"><a href="#">某某文库</a> <a href="#">登录</a> <a href="#">注册</a> <input placeholder="搜索文档"></div>
    <div class="doc-main"><div class="doc-title"><h1>${esc(p.title)}</h1><span>上传者:某某 · 2018-05-02</span></div>
      <div class="doc-content">${esc(p.title)}<br>${p.number ? `${esc(p.number)}<br>` : ''}${p.paragraphs.map(esc).join('<br>')}<br>${p.signature.map(esc).join('<br>')}</div>
      <div class="doc-more"><a href="#">下载全文</a> <a href="#">收藏</a> 本文档共6页,现仅显示部分内容。</div></div>
    <div class="doc-side"><h3>相关文档</h3><ul><li><a href="#">2017年法治政府建设工作总结(5页)</a></li><li><a href="#">依法行政工作报告范文(12页)</a></li><li><a href="#">法治政府建设实施方案(8页)</a></li></ul>
      <div class="ad">广告 开通会员 每天30份免费下载</div></div>
    <div class="footer">某某文库 版权所有 ICP证:京B2-20180001</div></body></html>`,
  },
];
