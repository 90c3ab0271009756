import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PizhuDB } from '../../../storage/db';
import { docNumberKey } from '../../../storage/doc-number-key';
import { StorageError } from '../../../storage/errors';
import { PageRepository } from '../../../storage/pages';
import { freshName } from './fixtures';

let db: PizhuDB;
let pages: PageRepository;
beforeEach(() => {
  db = new PizhuDB(freshName());
  pages = new PageRepository(db);
});
afterEach(() => db.close());

const URL = 'https://www.zhangdian.gov.cn/fzzf/2023.html';
const meta = { url: URL, title: '张店区2023年法治政府建设情况报告', kind: 'report' as const, docNumber: '张政字〔2024〕3号', issuer: '张店区人民政府', published: '2024-03-20' };

describe('page repository', () => {
  it('creates on first visit, updates metadata and lastSeen later, keeping firstSeen and fields not found again', async () => {
    const first = await pages.upsert(meta, new Date('2025-01-01T00:00:00Z'));
    expect(first).toMatchObject({ ...meta, docNumberKey: '张政字〔2024〕3号', firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-01-01T00:00:00.000Z' });
    const again = await pages.upsert({ url: URL, title: '新标题', kind: 'report', docNumber: undefined }, new Date('2025-02-01T00:00:00Z'));
    expect(again).toMatchObject({ title: '新标题', docNumber: meta.docNumber, issuer: meta.issuer, firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-02-01T00:00:00.000Z' });
    expect(await pages.get(URL)).toEqual(again);
  });

  it('records many pages at once, merging with those already known', async () => {
    await pages.upsert(meta, new Date('2025-01-01T00:00:00Z'));
    await pages.keepSnapshot(URL, '正文');
    const other = { url: 'https://www.zhangdian.gov.cn/fzzf/2022.html', title: '2022年报告', kind: 'report' as const };
    const stored = await pages.upsertMany([{ url: URL, title: '新标题', kind: 'report' }, other], new Date('2025-03-01T00:00:00Z'));
    expect(stored.map((p) => p.url)).toEqual([URL, other.url]);
    expect(await pages.get(URL)).toMatchObject({ title: '新标题', docNumber: meta.docNumber, snapshot: '正文', firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-03-01T00:00:00.000Z' });
    expect(await pages.get(other.url)).toMatchObject({ ...other, firstSeen: '2025-03-01T00:00:00.000Z' });
  });

  it('keeps the snapshot of the first annotation; a second one does not overwrite it', async () => {
    await pages.upsert(meta);
    expect(await pages.keepSnapshot(URL, '第一次的正文', new Date('2025-01-01T00:00:00Z'))).toBe(true);
    expect(await pages.keepSnapshot(URL, '页面改版后的正文', new Date('2025-03-01T00:00:00Z'))).toBe(false);
    await pages.upsert({ ...meta, title: '再次访问' });
    expect(await pages.get(URL)).toMatchObject({ snapshot: '第一次的正文', snapshotAt: '2025-01-01T00:00:00.000Z', title: '再次访问' });
  });

  it('keeps the text’s structure with it when it fits the text, and the text without it when it does not', async () => {
    const text = '标题\n一、情况\n正文。';
    const structure = { segments: [{ start: 0, end: text.length }], blocks: [{ start: 0, end: 2, tag: 'h1' }, { start: 3, end: 7, tag: 'p' }] };
    await pages.upsert(meta);
    expect(await pages.keepSnapshot(URL, text, undefined, structure)).toBe(true);
    expect((await pages.get(URL))?.snapshotStructure).toEqual(structure);
    // From a hostile page's content script: a block past the text's end. The text is kept, the structure is not.
    const other = 'https://www.zhangdian.gov.cn/fzzf/2024.html';
    await pages.upsert({ ...meta, url: other });
    const wrong = { ...structure, blocks: [{ start: 0, end: 999, tag: 'p' }] };
    expect(await pages.keepSnapshot(other, text, undefined, wrong)).toBe(true);
    const kept = await pages.get(other);
    expect(kept?.snapshot).toBe(text);
    expect(kept).not.toHaveProperty('snapshotStructure');
  });

  it('refuses a snapshot for a page it has no record of', async () => {
    const error = await pages.keepSnapshot('https://nowhere.example/', 'x').catch((e) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.code).toBe('not-found');
    expect(error.zh).toContain('https://nowhere.example/');
  });

  it('finds pages by document number however it is written, and lists recent pages first', async () => {
    await pages.upsert(meta, new Date('2025-01-01T00:00:00Z'));
    await pages.upsert({ url: 'https://other.example/', title: '通知', kind: 'document', docNumber: '淄政办发[2023]12号' }, new Date('2025-01-02T00:00:00Z'));
    expect((await pages.findByDocNumber('张政字[2024]3号')).map((p) => p.url)).toEqual([URL]);
    expect((await pages.findByDocNumber('淄政办发（２０２３）012号')).map((p) => p.url)).toEqual(['https://other.example/']);
    expect(await pages.findByDocNumber('张政字〔2024〕4号')).toEqual([]);
    expect((await pages.recent(1)).map((p) => p.url)).toEqual(['https://other.example/']);
  });
});

describe('document number key', () => {
  it('folds brackets, full-width digits, spaces and leading zeros of the serial, and nothing else', () => {
    for (const written of ['张政字〔2018〕8号', '张政字[2018]8号', '张政字［2018］08号', '张政字（２０１８）8号', '张政字 (2018) 008号', '张政字【2018】8号'])
      expect(docNumberKey(written)).toBe('张政字〔2018〕8号');
    expect(docNumberKey('国务院令第699号')).toBe('国务院令第699号');
    expect(docNumberKey('张政字〔2018〕80号')).not.toBe(docNumberKey('张政字〔2018〕8号'));
  });
});
