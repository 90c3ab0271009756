import { describe, expect, it } from 'vitest';
import { pageFacts } from '../../../page/page-facts';
import { scanPage } from '../../../page/scan';
import { fixturePages, loadPage } from '../../support/fixtures';

const facts = async (file: string) => {
  const page = fixturePages.find((p) => p.file === file)!;
  return pageFacts(await scanPage(loadPage(page)), 'http://x/');
};

describe('page facts kept with annotations', () => {
  it('a CMS report: own number, issuer from the metadata table, signature date', async () => {
    const f = await facts('zhangdian-2017-report.html');
    expect(f).toMatchObject({ kind: 'report', docNumber: '张政字〔2018〕8号', issuer: '张店区政府法制办', published: '2018-03-07' });
    expect(f.title).toBe('张店区人民政府关于2017年度法治政府建设情况的报告');
  });
  it('an opinion whose number is in the metadata table', async () => {
    const f = await facts('changqing-2018-opinion.html');
    expect(f).toMatchObject({ kind: 'document', docNumber: '济长政发〔2018〕8号', issuer: '区政府办', published: '2018-08-07' });
  });
  it('a report published as news has no number of its own', async () => {
    const f = await facts('jingzhou-2017-report.html');
    expect(f.docNumber).toBeUndefined();
    expect(f.kind).toBe('report');
  });
});
