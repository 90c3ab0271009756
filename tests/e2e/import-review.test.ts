// Importing a file that holds other versions of annotations already here, end to end with the built extension: the
// library exports, the annotations are edited here, a colleague's edited copy of the export comes back; the preview
// shows each changed annotation's two versions side by side, defaults to the newer edit, and writes what the user
// chose (mine, theirs, both) only on confirm. A file of many changed annotations shows them a page at a time, and a
// shortcut holds for all of them.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type Page } from './harness';
import { count, download, importFile, openLibrary, tempDir } from './library-helpers';

const temp = tempDir('pizhu-import-review-e2e-');
const PAGE = 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html';
const TERM_REVIEW = 'https://team.example/codes/review';
const TERM_OPEN = 'https://team.example/codes/open';
const ME = { id: 'urn:uuid:7c0de000-0000-4000-8000-0000000000a1', type: 'Person', name: '张三' };
const LI = { id: 'urn:uuid:7c0de000-0000-4000-8000-0000000000b2', type: 'Person', name: '李四' };
const QUOTES = ['行政复议案件纠错率为12.5%', '全面推进依法行政', '优化营商环境', '严格规范公正文明执法'];
const id = (n: number) => `urn:uuid:1e7e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Item = Record<string, unknown> & { body: Record<string, unknown>[] };

function annotation(n: number, quote: string, note: string) {
  return {
    id: id(n),
    type: 'Annotation',
    creator: ME,
    created: '2024-04-01T08:00:00.000Z',
    modified: '2024-04-01T09:00:00.000Z',
    body: [
      { type: 'SpecificResource', purpose: 'classifying', source: TERM_REVIEW },
      { type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' },
    ],
    target: { source: PAGE, selector: { type: 'TextQuoteSelector', exact: quote, prefix: '一年来，', suffix: '。' } },
  };
}

function collection(items: unknown[], concepts: unknown[]) {
  return { '@context': ['http://www.w3.org/ns/anno.jsonld'], type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items }, concepts };
}

const REVIEW_CONCEPT = { id: TERM_REVIEW, type: 'Concept', prefLabel: { zh: '行政复议', en: 'Administrative review' } };

/** The annotations as stored in the extension's database, by id. */
function storedAll(b: ExtensionBrowser): Promise<Record<string, { id: string; note: string; terms: string[]; modified: string; quote?: { exact: string }; creator?: { name: string } }>> {
  return b.evaluateInExtension(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pizhu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ id: string }[]>((resolve) => {
      const req = db.transaction('annotations').objectStore('annotations').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return Object.fromEntries(all.map((a) => [a.id, a]));
  }, undefined) as never;
}

/** Edits annotations here as an edit in the side panel does: the note changes and `modified` moves on. */
function editHere(b: ExtensionBrowser, edits: { id: string; note: string; modified: string }[]): Promise<void> {
  return b.evaluateInExtension(async (edits) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pizhu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('annotations', 'readwrite');
    const store = tx.objectStore('annotations');
    for (const edit of edits) {
      const record = await new Promise<Record<string, unknown>>((resolve) => {
        const req = store.get(edit.id);
        req.onsuccess = () => resolve(req.result);
      });
      store.put({ ...record, note: edit.note, modified: edit.modified });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, edits);
}

let browser: ExtensionBrowser;
let library: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  library = await openLibrary(browser);
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(temp.dir, { recursive: true, force: true });
});

describe('an import of other versions of annotations already here', () => {
  it('shows both versions side by side, defaults to the newer edit, and writes mine, theirs and both as chosen', async () => {
    const seed = QUOTES.map((q, i) => annotation(i + 1, q, `原始备注${i + 1}`));
    await importFile(library, temp.write('seed.jsonld', JSON.stringify(collection(seed, [REVIEW_CONCEPT]))));
    await library.locator('#library-count[data-count="4"]').waitFor();

    // The export a colleague receives.
    const exported = await download(library, /JSON/, 'export.jsonld', temp.dir);
    const out = JSON.parse(fs.readFileSync(exported, 'utf8'));
    const items = out.first.items as Item[];
    expect(items).toHaveLength(4);

    // Edited here since: 1 and 3 on 2 June, 2 on 10 June.
    await editHere(browser, [
      { id: id(1), note: '本地改的1', modified: '2024-06-02T08:00:00.000Z' },
      { id: id(2), note: '本地改的2', modified: '2024-06-10T08:00:00.000Z' },
      { id: id(3), note: '本地改的3', modified: '2024-06-02T08:00:00.000Z' },
    ]);
    // And by the colleague: 1 and 3 later than here (on 5 June), 2 earlier (on 3 June), with a term of theirs on 2;
    // 4 comes back as it went.
    const theirs = (item: Item, note: string, modified: string, extraTerm?: string): Item => ({
      ...item,
      creator: LI,
      modified,
      body: [
        ...item.body.filter((b) => b.purpose !== 'commenting'),
        ...(extraTerm ? [{ type: 'SpecificResource', purpose: 'classifying', source: extraTerm }] : []),
        { type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/plain' },
      ],
    });
    const byId = new Map(items.map((a) => [a.id as string, a]));
    const edited = [
      theirs(byId.get(id(1))!, '同事改的1', '2024-06-05T08:00:00.000Z'),
      theirs(byId.get(id(2))!, '同事改的2', '2024-06-03T08:00:00.000Z', TERM_OPEN),
      theirs(byId.get(id(3))!, '同事改的3', '2024-06-05T08:00:00.000Z'),
      byId.get(id(4))!,
    ];
    const concepts = [...(out.concepts ?? []), { id: TERM_OPEN, type: 'Concept', prefLabel: { zh: '政务公开', en: 'Open government' } }];
    await library.reload();
    await library.locator('#library-count[data-count="4"]').waitFor();
    await library.setInputFiles('.lib-import input[type=file]', temp.write('edited.jsonld', JSON.stringify({ ...out, first: { ...out.first, items: edited }, concepts })));

    const preview = library.getByRole('region', { name: /导入预览|Import preview/ });
    await preview.waitFor();
    await expect(preview.locator('[data-count=changed]').textContent()).resolves.toMatch(/\b3\b/);
    await expect(preview.locator('[data-count=unchanged]').textContent()).resolves.toMatch(/\b1\b/);
    const conflict = (n: number) => preview.locator('.lib-conflict', { hasText: QUOTES[n - 1] });
    expect(await preview.locator('.lib-conflict').count()).toBe(3);

    // Side by side: the note, coder and date here, and the file's.
    const field = (n: number, side: 'mine' | 'theirs', name: string) => conflict(n).locator(`[data-side=${side}] [data-field=${name}]`).textContent();
    await expect(field(1, 'mine', 'note')).resolves.toBe('本地改的1');
    await expect(field(1, 'theirs', 'note')).resolves.toBe('同事改的1');
    await expect(field(2, 'mine', 'creator')).resolves.toBe('张三');
    await expect(field(2, 'theirs', 'creator')).resolves.toBe('李四');
    await expect(field(2, 'mine', 'terms')).resolves.toBe('行政复议');
    // A term the library does not have yet is named by the file's label.
    await expect(field(2, 'theirs', 'terms')).resolves.toBe('行政复议政务公开');
    await expect(field(2, 'mine', 'modified')).resolves.toMatch(/2024.*06.*10|06.*10.*2024|10.*06.*2024/);
    expect(await conflict(2).locator('[data-side=theirs] [data-field=terms]').getAttribute('class')).toBe('lib-differs');
    expect(await conflict(2).locator('[data-side=mine] [data-field=quote]').getAttribute('class')).toBeNull();
    // Only what is shown differs: no word of other differences.
    expect(await preview.locator('.lib-conflict', { hasText: /其他细节|other details/ }).count()).toBe(0);
    await expect(conflict(1).locator('[data-side=theirs] h4').textContent()).resolves.toMatch(/较新|newer/);
    await expect(conflict(2).locator('[data-side=mine] h4').textContent()).resolves.toMatch(/较新|newer/);

    // The default keeps the newer edit: the file's for 1 and 3, mine for 2.
    expect(await conflict(1).getAttribute('data-choice')).toBe('theirs');
    expect(await conflict(2).getAttribute('data-choice')).toBe('mine');
    expect(await conflict(3).getAttribute('data-choice')).toBe('theirs');

    // Mine for 1, theirs for 2, both for 3.
    await conflict(1).getByRole('radio', { name: /保留我的|Keep mine/ }).check();
    await conflict(2).getByRole('radio', { name: /采用文件的|Take theirs/ }).check();
    await conflict(3).getByRole('radio', { name: /两者都保留|Keep both/ }).check();
    const tally = preview.locator('.lib-tally');
    await preview.locator('.lib-tally[data-mine="1"][data-theirs="1"][data-both="1"]').waitFor();
    await expect(tally.textContent()).resolves.toMatch(/1.*1.*1/);
    // Nothing is written before the confirm.
    expect((await storedAll(browser))[id(2)].note).toBe('本地改的2');

    await library.getByRole('button', { name: /确认导入|^Import/ }).click();
    await library.getByRole('status').filter({ hasText: /已导入|Imported/ }).waitFor();
    await library.locator('#library-count[data-count="5"]').waitFor();
    const stored = await storedAll(browser);
    expect(Object.keys(stored)).toHaveLength(5);
    expect(stored[id(1)]).toMatchObject({ note: '本地改的1', modified: '2024-06-02T08:00:00.000Z', creator: { name: '张三' } });
    expect(stored[id(2)]).toMatchObject({ note: '同事改的2', terms: [TERM_REVIEW, TERM_OPEN], modified: '2024-06-03T08:00:00.000Z', creator: { name: '李四' } });
    expect(stored[id(3)]).toMatchObject({ note: '本地改的3', modified: '2024-06-02T08:00:00.000Z' });
    expect(stored[id(4)]).toMatchObject({ note: '原始备注4' });
    const copies = Object.values(stored).filter((a) => ![1, 2, 3, 4].map(id).includes(a.id));
    expect(copies).toHaveLength(1);
    expect(copies[0].id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(copies[0]).toMatchObject({ note: '同事改的3', quote: { exact: QUOTES[2] }, modified: '2024-06-05T08:00:00.000Z', creator: { name: '李四' } });
  });

  it('shows many changed annotations a page at a time, and a shortcut holds for all of them', async () => {
    const many = Array.from({ length: 45 }, (_, i) => annotation(100 + i, `第${i + 1}条引文`, `备注${i + 1}`));
    await importFile(library, temp.write('many.jsonld', JSON.stringify(collection(many, [REVIEW_CONCEPT]))));
    // The first test's five and these.
    await library.locator('#library-count[data-count="50"]').waitFor();
    const later = many.map((a) => ({ ...a, creator: LI, modified: '2024-07-01T00:00:00.000Z', body: [a.body[0], { ...a.body[1], value: `${a.body[1].value}（同事）` }] }));
    await library.setInputFiles('.lib-import input[type=file]', temp.write('many-edited.jsonld', JSON.stringify(collection(later, [REVIEW_CONCEPT]))));
    const preview = library.getByRole('region', { name: /导入预览|Import preview/ });
    await preview.waitFor();
    await expect(preview.locator('[data-count=changed]').textContent()).resolves.toMatch(/\b45\b/);
    expect(await preview.locator('.lib-conflict').count()).toBe(20);
    await preview.locator('.lib-tally[data-mine="0"][data-theirs="45"][data-both="0"]').waitFor();

    await preview.getByRole('button', { name: /全部保留我的|All mine/ }).click();
    await preview.locator('.lib-tally[data-mine="45"][data-theirs="0"]').waitFor();
    // One taken from the file on the first page, then the last page: the shortcut holds there too.
    await preview.locator('.lib-conflict').first().getByRole('radio', { name: /采用文件的|Take theirs/ }).check();
    await preview.locator('.lib-tally[data-mine="44"][data-theirs="1"]').waitFor();
    await preview.getByRole('button', { name: /下一页|Next/ }).first().click();
    await preview.getByRole('button', { name: /下一页|Next/ }).first().click();
    await expect(preview.locator('.lib-pager').first().textContent()).resolves.toMatch(/41.*45.*45/);
    expect(await preview.locator('.lib-conflict').count()).toBe(5);
    expect(await preview.locator('.lib-conflict[data-choice=mine]').count()).toBe(5);

    await library.getByRole('button', { name: /确认导入|^Import/ }).click();
    await library.getByRole('status').filter({ hasText: /44 条保留了本地的版本|kept for 44 annotations/ }).waitFor();
    await library.locator('#library-count[data-total="50"]').waitFor();
    expect(await count(library)).toBe(50);
    const stored = await storedAll(browser);
    expect(stored[id(100)].note).toBe('备注1（同事）');
    for (let n = 101; n < 145; n++) expect(stored[id(n)].note).toBe(`备注${n - 99}`);
  });
});
