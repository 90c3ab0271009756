// @vitest-environment node
import fs from 'node:fs';
import { it } from 'vitest';
import { JSDOM } from 'jsdom';
import { scanPage } from '../../page/scan';
it('dump', async () => {
  const names = (process.env.PAGES ?? '').split(',').filter(Boolean);
  for (const name of names) {
    const html = fs.readFileSync(`/tmp/pages/${name}.html`, 'utf8');
    const doc = new JSDOM(html, { url: 'http://www.gov.cn/x.htm' }).window.document;
    const scan = await scanPage(doc, async () => {});
    const text = scan.layout.map.text;
    const main = scan.layout.segments.map((s) => text.slice(s.start, s.end)).join('\n').replace(/[ \t\u00a0\u3000]*\n[\s]*/g, '\n');
    let out = `#### ${name} kind=${scan.kind} (${scan.reason}) title=${scan.layout.title}\n${main}\n`;
    out += `---- found docno: ${scan.matches.filter((m) => m.category === 'docno').map((m) => m.text).join(' | ')}\n`;
    out += `---- found figures: ${scan.matches.filter((m) => m.category === 'figure').map((m) => m.text).join(' | ')}\n`;
    fs.writeFileSync(`/tmp/pages/${name}.dump.txt`, out);
  }
}, 120000);
