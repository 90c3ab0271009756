// The fixture reports re-dressed in other templates a county site, a news site, WeChat or a mirror might use
// (scripts/page-templates.mjs, which the end-to-end tests and the benchmark serve too). The text is the same, so the
// gold labels still hold: recognition on the page must not depend on the template.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../page/scan';
import { TEMPLATES, partsOf } from '../../../scripts/page-templates.mjs';
import { domFrom, fixturePages, gold, loadPage } from '../../support/fixtures';
import { score } from '../../support/score';

const reports = fixturePages.filter((p) => p.kind !== 'none' && p.file !== 'duolun-2012-report.html');

describe('the fixture reports in other templates', () => {
  for (const { name: template, render } of TEMPLATES) {
    for (const page of reports) {
      it(`${page.file} as ${template}: kind, document numbers and figures as on the original`, async () => {
        const doc = domFrom(render(partsOf(loadPage(page))), `http://${page.host}${encodeURI(page.path)}`);
        const scan = await scanPage(doc);
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
