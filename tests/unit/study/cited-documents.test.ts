// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { citedDocuments } from '../../../study/docno-explain';
import { docNumbers } from './helpers/matches';
import { sharedPage, studyPage } from './helpers/page-blocks';

describe('citedDocuments on zhangdian-2017-report', () => {
  const page = sharedPage('zhangdian-2017-report');
  const docnos = docNumbers(page.text);
  const { own, cited } = citedDocuments(page.text, page.blocks, docnos);

  it('sets the report’s own number apart from the ones it cites', () => {
    expect(own?.text).toBe('张政字〔2018〕8号');
    expect(cited.some((c) => c.docno === own)).toBe(false);
    expect(cited.filter((c) => c.docno).length).toBe(docnos.length - 1);
  });

  it('pairs each 《title》 with the number written after it', () => {
    const byNumber = Object.fromEntries(cited.filter((c) => c.docno).map((c) => [c.docno!.text, c.title]));
    expect(byNumber['淄政办字[2017]5号']).toBe('淄博市人民政府办公厅关于加强行政执法监督工作的意见');
    expect(byNumber['张发〔2016〕22号']).toBe('张店区法治政府建设实施纲要(2016—2020年)');
    expect(byNumber['中办发〔2016〕30号']).toMatch(/^中共中央办公厅、国务院办公厅印发〈关于推行法律顾问制度/);
  });

  it('spans the title and its number together', () => {
    const doc = cited.find((c) => c.docno?.text === '张政发〔2017〕13号')!;
    const [span] = doc.mentions;
    expect(page.text.slice(span.start, span.end)).toBe('《张店区行政规范性文件管理办法》(张政发〔2017〕13号');
  });

  it('gathers a later mention of the same document by its 关于 title', () => {
    const doc = cited.find((c) => c.docno?.text === '淄政办字[2017]5号')!;
    expect(doc.mentions).toHaveLength(2);
    expect(page.text.slice(doc.mentions[1].start, doc.mentions[1].end)).toBe('《关于加强行政执法监督工作的意见》');
  });

  it('lists documents cited by title only', () => {
    expect(cited.filter((c) => !c.docno).map((c) => c.title)).toContain('山东省行政程序规定');
  });
});

describe('citedDocuments elsewhere', () => {
  it('leaves out 《》 names that are not documents', () => {
    const page = sharedPage('jingzhou-2017-report');
    const { own, cited } = citedDocuments(page.text, page.blocks, docNumbers(page.text));
    expect(own).toBeUndefined();
    expect(cited.map((c) => c.title)).toContain('政府信息公开条例');
    expect(cited.map((c) => c.title)).not.toContain('古城荆州网');
  });

  it('has no own number when the first number sits inside the opening sentence', () => {
    const page = sharedPage('duolun-2012-report');
    const { own, cited } = citedDocuments(page.text, page.blocks, docNumbers(page.text));
    expect(own).toBeUndefined();
    expect(cited[0]).toMatchObject({ title: '關於報送推進依法行政工作報告的通知' });
    expect(cited[0].docno?.text).toBe('錫署辦傳發〔2012〕137 號');
  });

  it('keeps a number cited without a title, and takes the number under the title as the page’s own', () => {
    const page = studyPage('no-headings-report');
    const { own, cited } = citedDocuments(page.text, page.blocks, docNumbers(page.text));
    expect(own?.text).toBe('某司字〔2018〕第003号');
    expect(cited.map((c) => [c.title, c.docno?.text])).toEqual([
      ['法治政府建设实施纲要（2015—2020年）', undefined],
      ['某县行政执法公示办法', '某政办发〔2016〕7号'],
    ]);
  });
});
