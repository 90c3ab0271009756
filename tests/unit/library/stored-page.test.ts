// The reader's side of the database: a page found by its key (or by its address as written), its annotations and
// terms; a page only annotations name; a page the library knows nothing of; and a record stored before the reader
// came (database version 4, a text without its structure), read all the same.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readerPath, readerTarget } from '../../../library/reader-url';
import { loadStoredPage, readingInput, readInWorker } from '../../../library/stored-page';
import { PizhuDB } from '../../../storage/db';
import { declareSchema } from '../../../storage/schema';
import { annotation, freshName } from '../storage/fixtures';

const URL = 'https://www.zhangdian.gov.cn/art/2018/3/12/art_1234.html';
const TEXT = [
  '张店区人民政府关于2017年度法治政府建设情况的报告',
  '张政字〔2018〕8号',
  '市政府：',
  '　　2017年，张店区政府深入贯彻落实中共中央、国务院《法治政府建设实施纲要（2015—2020年）》。现将有关情况报告如下：',
  '　　一、加强组织领导',
  '　　成立了法治政府建设领导小组，召开专题会议3次。',
  '　　二、依法全面履行政府职能',
  '　　将全区177项行政审批事项压缩至92项，精简率达48.6%。',
  '淄博市张店区人民政府',
  '2018年3月7日',
].join('\n');

describe('loadStoredPage', () => {
  it('finds a page stored before the reader (version 4, no structure) and reads its text from the lines', async () => {
    const name = freshName();
    const v4 = new Dexie(name);
    declareSchema(v4, 4);
    const at = TEXT.indexOf('177项');
    await v4.table('pages').put({ url: URL, title: '张店区人民政府关于2017年度法治政府建设情况的报告', kind: 'report', snapshot: TEXT,
      snapshotAt: '2018-03-12T08:00:00.000Z', firstSeen: '2018-03-12T08:00:00.000Z', lastSeen: '2018-03-12T08:00:00.000Z' });
    await v4.table('annotations').bulkPut([
      { ...annotation('urn:uuid:a1', URL, '2018-03-12T08:00:00.000Z', []), quote: { exact: '177项', prefix: '将全区', suffix: '行政审批' }, position: { start: at, end: at + 4 } },
      { ...annotation('urn:uuid:a2', URL, '2018-03-12T09:00:00.000Z', []), quote: { exact: '改版后删去的一句话', prefix: '', suffix: '' }, position: { start: 0, end: 9 } },
    ]);
    v4.close();

    const db = new PizhuDB(name);
    const stored = await loadStoredPage(db, URL);
    expect(stored?.page?.snapshot).toBe(TEXT);
    expect(stored?.annotations.map((a) => a.id)).toEqual(['urn:uuid:a1', 'urn:uuid:a2']);
    const reading = await readInWorker(readingInput(stored as Parameters<typeof readingInput>[0]));
    expect(reading.structureKept).toBe(false);
    expect(reading.anchors).toEqual([{ start: at, end: at + 4, method: 'exact' }, null]);
    expect(reading.study.outline.nodes.filter((n) => n.kind === 'heading').map((n) => n.text)).toEqual(['一、加强组织领导', '二、依法全面履行政府职能']);
    expect(reading.matches.filter((m) => m.category === 'figure').map((m) => m.text)).toEqual(['3次', '177项', '92项', '48.6%']);
    expect(reading.lines.find((l) => l.role === 'title')).toMatchObject({ start: 0 });
    db.close();
  });

  it('finds a page by its address as the address bar had it, and one that only annotations name', async () => {
    const db = new PizhuDB(freshName());
    await db.pages.put({ url: URL, title: 't', kind: 'report', firstSeen: '', lastSeen: '' });
    expect((await loadStoredPage(db, `${URL}#zoom`))?.url).toBe(URL);
    const named = 'https://other.example.gov.cn/a.html';
    await db.annotations.put(annotation('urn:uuid:b1', named, '2024-01-01T00:00:00.000Z', []));
    const stored = await loadStoredPage(db, named);
    expect(stored).toMatchObject({ url: named, page: undefined });
    expect(stored?.annotations).toHaveLength(1);
    expect(await loadStoredPage(db, 'https://nowhere.example/')).toBeNull();
    db.close();
  });
});

describe('the reader’s address', () => {
  it('carries a page key with its own query and fragment, and the annotation, there and back', () => {
    const page = 'http://www.example.gov.cn/view.jsp?id=3&lang=zh';
    const path = readerPath(page, 'urn:uuid:a1');
    expect(path.startsWith('/reader.html?')).toBe(true);
    expect(readerTarget(path.slice(path.indexOf('?')))).toEqual({ page, annotation: 'urn:uuid:a1' });
    expect(readerTarget(readerPath(page).slice(12))).toEqual({ page });
    expect(readerTarget('?page=')).toBeNull();
    expect(readerTarget('')).toBeNull();
  });
});
