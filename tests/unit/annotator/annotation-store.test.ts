// The page's annotation state, apart from any page or browser: load and anchor, add, edit, delete and undo,
// rollback on a failed write, and the codebook changing under an open page.
import { describe, expect, it, vi } from 'vitest';
import { AnnotationStore, type PersistService, type StoreEvent } from '../../../annotator/annotation-store';
import type { AnnotationRecord, Term } from '../../../model';

const TEXT = '一、依法全面履行政府职能\n全年共取消行政审批事项36项，精简率达48.6%。\n二、完善依法行政制度体系\n审查规范性文件12件。';
const url = 'http://www.example.gov.cn/a.html';

const term = (id: string, notation: string, extra: Partial<Term> = {}): Term => ({
  id, taxonomyId: 'tax', scheme: 's', notation, label: { zh: `术语${notation}`, en: `Term ${notation}` }, color: '#336699', order: 0, ...extra,
});
const TERMS = [term('t2', '2', { shortcut: 'B' }), term('t1', '1', { shortcut: 'a' }), term('t9', '9', { retired: true })];

function stored(id: string, exact: string, terms = ['t1']): AnnotationRecord {
  const start = TEXT.indexOf(exact);
  return {
    id, pageUrl: url, sourceUrl: url,
    quote: { exact, prefix: TEXT.slice(Math.max(0, start - 8), start), suffix: TEXT.slice(start + exact.length, start + exact.length + 8) },
    position: { start, end: start + exact.length },
    terms, note: '', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
  };
}

/** A database that stores what it is given, or fails the calls it is told to fail. */
function fakeDb() {
  const rows = new Map<string, AnnotationRecord>();
  const log: string[] = [];
  const learned: { id: string; position: { start: number; end: number } }[] = [];
  let failNext = 0;
  const maybeFail = () => {
    if (failNext > 0) {
      failNext--;
      throw new Error('Storage is full');
    }
  };
  const persist: PersistService = {
    async save(record, withText) {
      log.push(`save ${record.id}${withText ? ' +text' : ''}`);
      maybeFail();
      const saved = { ...record, modified: '2026-02-02T00:00:00.000Z' };
      rows.set(record.id, saved);
      return saved;
    },
    async remove(id) {
      log.push(`remove ${id}`);
      maybeFail();
      const had = rows.get(id);
      rows.delete(id);
      return had;
    },
    async restore(record) {
      log.push(`restore ${record.id}`);
      maybeFail();
      rows.set(record.id, record);
      return record;
    },
    async learnPositions(positions) {
      learned.push(...positions);
      return positions.length;
    },
  };
  return { rows, log, learned, persist, failNext: (n: number) => (failNext = n) };
}

function open(records: AnnotationRecord[] = [], db = fakeDb(), text = TEXT) {
  const store = new AnnotationStore({ text, pageUrl: url, sourceUrl: url, now: () => '2026-03-03T00:00:00.000Z' }, db.persist);
  for (const r of records) db.rows.set(r.id, r);
  store.load(records, TERMS);
  const events: StoreEvent['type'][] = [];
  store.subscribe((e) => events.push(e.type));
  return { store, db, events };
}

const passage = (exact: string) => ({ start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length });

describe('loading', () => {
  it('anchors stored annotations, lists them in document order with orphans last', () => {
    const { store } = open([stored('b', '12件'), stored('gone', '已删除的段落'), stored('a', '36项')]);
    const entries = store.entries();
    expect(entries.map((e) => e.record.id)).toEqual(['a', 'b', 'gone']);
    expect(entries[0].anchor).toMatchObject({ ...passage('36项'), method: 'exact' });
    expect(entries[2].anchor).toBeNull();
    expect(store.containing(TEXT.indexOf('36项') + 1).map((e) => e.record.id)).toEqual(['a']);
    expect(store.containing(0)).toEqual([]);
  });

  it('offers the terms that are not retired, by notation, with their one-key shortcuts', () => {
    const { store } = open();
    expect(store.offered().map((t) => t.id)).toEqual(['t1', 't2']);
    expect(store.termForKey('A')?.id).toBe('t1');
    expect(store.termForKey('b')?.id).toBe('t2');
    expect(store.term('t9')?.retired).toBe(true);
  });

  it('gives a shared one-key shortcut to the later term by notation, as the picker lists them', () => {
    const { store } = open();
    store.setTerms([term('t10', '10', { shortcut: 'k' }), term('t2', '2', { shortcut: 'K' }), term('t3', '3', { shortcut: 'k', retired: true })]);
    expect(store.termForKey('k')?.id).toBe('t10');
  });

  it('loads a page and its codebook without a collator, and makes one when the picker first asks for the terms', async () => {
    // A fresh copy of the modules: the collator is made once per page's script, at the first comparison.
    vi.resetModules();
    const Collator = Intl.Collator;
    const made = vi.spyOn(Intl, 'Collator').mockImplementation(function (...args: ConstructorParameters<typeof Collator>) {
      return new Collator(...args);
    } as unknown as typeof Collator);
    try {
      const { AnnotationStore: FreshStore } = await import('../../../annotator/annotation-store');
      const store = new FreshStore({ text: TEXT, pageUrl: url, sourceUrl: url }, fakeDb().persist);
      store.load([stored('a', '36项')], TERMS);
      store.setTerms([...TERMS, term('t3', '3', { shortcut: 'c' })]);
      expect(store.termForKey('c')?.id).toBe('t3');
      expect(made).not.toHaveBeenCalled();
      expect(store.offered().map((t) => t.id)).toEqual(['t1', 't2', 't3']);
      expect(made).toHaveBeenCalledTimes(1);
    } finally {
      made.mockRestore();
    }
  });
});

describe('positions, which count code points', () => {
  // 𠮷 (U+20BB7) is two UTF-16 units but one character: every offset after it differs by one.
  const ASTRAL = '𠮷家村：共取消行政审批事项36项，精简率达48.6%。';

  it('anchors stored positions given in code points, and stores new ones so', async () => {
    const start = [...ASTRAL.slice(0, ASTRAL.indexOf('36项'))].length;
    const a = { ...stored('a', '36项'), quote: { exact: '36项', prefix: '审批事项', suffix: '，精简率' }, position: { start, end: start + 3 } };
    const { store, db } = open([a], fakeDb(), ASTRAL);
    expect(store.get('a')?.anchor).toMatchObject({ start: ASTRAL.indexOf('36项'), end: ASTRAL.indexOf('36项') + 3, method: 'exact' });
    const at = ASTRAL.indexOf('48.6%');
    const made = store.update('n', { start: at, end: at + 5 }, (x) => ({ ...x, terms: ['t1'] }));
    expect(made.position).toEqual({ start: at - 1, end: at + 4 });
    await store.settled();
    expect(db.rows.get('n')?.position).toEqual({ start: at - 1, end: at + 4 });
  });

  it('keeps where a quote that came without a position anchored, and lists a note on the whole page', () => {
    const { position: _p, ...quoteOnly } = stored('q', '48.6%');
    const { quote: _q, position: _pp, ...wholePage } = stored('w', '36项');
    const { store, db } = open([quoteOnly, wholePage]);
    const start = TEXT.indexOf('48.6%');
    expect(db.learned).toEqual([{ id: 'q', position: { start, end: start + 5 } }]);
    expect(store.get('q')?.record.position).toEqual({ start, end: start + 5 });
    expect(store.get('w')?.anchor).toBeNull();
    expect(store.entries().map((e) => e.record.id)).toEqual(['q', 'w']);
  });
});

describe('adding and editing', () => {
  it('shows a new annotation at once, then stores it with the page text (the page’s first annotation only)', async () => {
    const { store, db, events } = open();
    const shown = store.update('n1', passage('36项'), (a) => ({ ...a, terms: ['t1'] }));
    expect(shown).toMatchObject({ pageUrl: url, quote: { exact: '36项' }, terms: ['t1'], created: '2026-03-03T00:00:00.000Z' });
    // Who made it is the background's to say, where it is stored.
    expect(shown.creator).toBeUndefined();
    expect(store.get('n1')?.anchor).toMatchObject(passage('36项'));
    expect(events).toEqual(['changed']);
    store.update('n2', passage('48.6%'), (a) => ({ ...a, terms: ['t2'] }));
    await store.settled();
    expect(db.log).toEqual(['save n1 +text', 'save n2']);
    // The stored version (with the database's stamp) replaces the one shown.
    expect(store.get('n1')?.record.modified).toBe('2026-02-02T00:00:00.000Z');
  });

  it('a page that came with annotations does not send its text again', async () => {
    const { store, db } = open([stored('a', '36项')]);
    store.update('a', passage('36项'), (a) => ({ ...a, note: '看这里' }));
    await store.settled();
    expect(db.log).toEqual(['save a']);
    expect(db.rows.get('a')?.note).toBe('看这里');
  });

  it('stores the writes of a page one after another, the last one last', async () => {
    const { store, db } = open();
    store.update('n', passage('36项'), (a) => ({ ...a, terms: ['t1'] }));
    store.update('n', passage('36项'), (a) => ({ ...a, terms: [...a.terms, 't2'] }));
    store.update('n', passage('36项'), (a) => ({ ...a, note: 'x' }));
    await store.settled();
    expect(db.rows.get('n')).toMatchObject({ terms: ['t1', 't2'], note: 'x' });
  });
});

describe('a failed write', () => {
  it('takes a new annotation back off the page and says why', async () => {
    const { store, db, events } = open();
    db.failNext(1);
    let failure: unknown;
    store.subscribe((e) => e.type === 'write-failed' && (failure = e.error));
    store.update('n1', passage('36项'), (a) => ({ ...a, terms: ['t1'] }));
    await store.settled();
    expect(store.get('n1')).toBeUndefined();
    expect(store.size).toBe(0);
    expect((failure as Error).message).toBe('Storage is full');
    expect(events).toEqual(['changed', 'changed', 'write-failed']);
  });

  it('puts an edited annotation back as the database has it', async () => {
    const { store, db } = open([stored('a', '36项')]);
    db.failNext(1);
    store.update('a', passage('36项'), (a) => ({ ...a, terms: ['t2'], note: 'lost' }));
    expect(store.get('a')?.record.terms).toEqual(['t2']);
    await store.settled();
    expect(store.get('a')?.record).toMatchObject({ terms: ['t1'], note: '' });
  });
});

describe('deleting', () => {
  it('deletes once stored, and undo puts it back with its anchor', async () => {
    const { store, db } = open([stored('a', '36项')]);
    const undo = await store.delete('a');
    expect(store.get('a')).toBeUndefined();
    expect(db.rows.has('a')).toBe(false);
    await undo();
    expect(store.get('a')?.anchor).toMatchObject(passage('36项'));
    expect(db.rows.has('a')).toBe(true);
    expect(db.log).toEqual(['remove a', 'restore a']);
  });

  it('a failed delete leaves the annotation where it was; a failed undo takes it off again', async () => {
    const { store, db } = open([stored('a', '36项')]);
    db.failNext(1);
    await expect(store.delete('a')).rejects.toThrow('Storage is full');
    expect(store.get('a')).toBeDefined();
    const undo = await store.delete('a');
    db.failNext(1);
    await expect(undo()).rejects.toThrow('Storage is full');
    expect(store.get('a')).toBeUndefined();
  });

  it('a save that lands after a delete does not bring the annotation back', async () => {
    const { store } = open();
    store.update('n', passage('36项'), (a) => ({ ...a, terms: ['t1'] }));
    await store.settled();
    store.update('n', passage('36项'), (a) => ({ ...a, note: 'late' }));
    await store.delete('n');
    await store.settled();
    expect(store.get('n')).toBeUndefined();
  });
});

describe('the codebook changing elsewhere', () => {
  it('shows renamed, recoloured and retired terms without a reload', () => {
    const { store, events } = open([stored('a', '36项')]);
    store.setTerms([term('t1', '1', { label: { zh: '新名', en: 'New' }, color: '#aa0000' }), term('t2', '2', { retired: true })]);
    expect(events).toEqual(['changed']);
    expect(store.term('t1')).toMatchObject({ label: { zh: '新名' }, color: '#aa0000' });
    expect(store.offered().map((t) => t.id)).toEqual(['t1']);
    expect(store.termForKey('b')).toBeUndefined();
  });
});

describe('the note on the page as a whole', () => {
  it('makes the memo as an annotation without a passage, changes it in place, and deletes it when emptied', async () => {
    const { store, db } = open([stored('a', '36项')]);
    expect(store.pageNote()).toBeUndefined();
    const made = await store.setPageNote('整篇报告：数字详实', () => 'memo');
    expect(made).toMatchObject({ id: 'memo', note: '整篇报告：数字详实', terms: [], pageUrl: url });
    expect(made && 'quote' in made).toBe(false);
    expect(made && 'position' in made).toBe(false);
    expect(store.get('memo')?.anchor).toBeNull();
    expect(db.rows.get('memo')).toMatchObject({ note: '整篇报告：数字详实' });
    // Listed after the passages, with the orphans.
    expect(store.entries().map((e) => e.record.id)).toEqual(['a', 'memo']);

    await store.setPageNote('改过的备忘', () => 'other');
    expect(store.pageNote()?.id).toBe('memo');
    expect(db.rows.get('memo')?.note).toBe('改过的备忘');
    expect(db.rows.has('other')).toBe(false);

    await store.setPageNote('  ', () => 'other');
    expect(store.pageNote()).toBeUndefined();
    expect(db.rows.has('memo')).toBe(false);
    expect(db.log.filter((x) => x.startsWith('save')).length).toBe(2);
  });

  it('takes a memo that came from elsewhere (a whole-page note) as the page’s', async () => {
    const { quote: _q, position: _p, ...wholePage } = stored('w', '36项');
    const { store, db } = open([stored('a', '12件'), wholePage]);
    expect(store.pageNote()?.id).toBe('w');
    await store.setPageNote('补充', () => 'new');
    expect(db.rows.get('w')?.note).toBe('补充');
  });

  it('says when the memo could not be stored, and shows what the database holds', async () => {
    const { store, db } = open();
    db.failNext(1);
    await expect(store.setPageNote('备忘', () => 'memo')).rejects.toThrow('Storage is full');
    expect(store.pageNote()).toBeUndefined();
    expect(store.size).toBe(0);
  });
});

describe('changes from the side panel', () => {
  it('edits an orphan’s terms and note, and settles once stored', async () => {
    const { store, db, events } = open([stored('gone', '已删除的段落')]);
    const saved = store.edit('gone', (a) => ({ ...a, terms: ['t2'], note: '改过' }));
    // Shown at once, before the write lands.
    expect(store.get('gone')?.record).toMatchObject({ terms: ['t2'], note: '改过' });
    expect(await saved).toMatchObject({ terms: ['t2'], note: '改过', modified: '2026-02-02T00:00:00.000Z' });
    expect(db.rows.get('gone')).toMatchObject({ terms: ['t2'], note: '改过' });
    expect(store.get('gone')?.anchor).toBeNull();
    expect(events).toEqual(['changed', 'changed']);
  });

  it('a failed edit rejects, puts the annotation back and leaves the page untold', async () => {
    const { store, db, events } = open([stored('a', '36项')]);
    db.failNext(1);
    await expect(store.edit('a', (a) => ({ ...a, note: 'lost' }))).rejects.toThrow('Storage is full');
    expect(store.get('a')?.record.note).toBe('');
    expect(events).not.toContain('write-failed');
    // The queue goes on after it.
    store.update('a', passage('36项'), (a) => ({ ...a, note: 'next' }));
    await store.settled();
    expect(db.rows.get('a')?.note).toBe('next');
  });

  it('attaches an orphan to the passage where its text now stands: quote, position and anchor', async () => {
    const { store, db } = open([stored('gone', '已删除的段落', ['t2'])]);
    const attached = await store.attach('gone', passage('审查规范性文件'));
    expect(attached.quote).toMatchObject({ exact: '审查规范性文件', suffix: expect.stringContaining('12件') });
    expect(attached.position).toEqual(passage('审查规范性文件'));
    expect(store.get('gone')?.anchor).toMatchObject({ ...passage('审查规范性文件'), method: 'exact' });
    expect(db.rows.get('gone')).toMatchObject({ quote: { exact: '审查规范性文件' }, terms: ['t2'] });
    // Listed among the anchored ones, in document order.
    store.update('n', passage('36项'), (a) => ({ ...a, terms: ['t1'] }));
    expect(store.entries().map((e) => e.record.id)).toEqual(['n', 'gone']);
  });

  it('an attach that cannot be stored leaves the annotation an orphan, as it was', async () => {
    const { store, db } = open([stored('gone', '已删除的段落')]);
    db.failNext(1);
    await expect(store.attach('gone', passage('36项'))).rejects.toThrow('Storage is full');
    expect(store.get('gone')).toMatchObject({ record: { quote: { exact: '已删除的段落' } }, anchor: null });
    await expect(store.attach('gone', { start: 3, end: 3 })).rejects.toThrow();
    await expect(store.attach('nobody', passage('36项'))).rejects.toThrow();
  });
});

describe('changes from the library', () => {
  it('replaceStored shows the page’s annotations as the database now holds them', () => {
    const { store, events } = open([stored('a', '36项'), stored('b', '12件')]);
    store.replaceStored([{ ...stored('a', '36项'), terms: ['t2'] }, stored('c', '48.6%')], TERMS);
    expect(store.entries().map((e) => [e.record.id, e.record.terms[0]])).toEqual([['a', 't2'], ['c', 't1']]);
    expect(store.get('b')).toBeUndefined();
    expect(store.containing(passage('12件').start)).toEqual([]);
    expect(events).toEqual(['changed']);
  });

  it('a page whose text is kept does not send it again after a reload that emptied it', async () => {
    const { store, db } = open([stored('a', '36项')]);
    store.replaceStored([], TERMS);
    store.update('n', passage('12件'), (a) => ({ ...a, terms: ['t1'] }));
    await store.settled();
    expect(db.log).toEqual(['save n']);
  });
});

describe('annotations changing elsewhere (a teammate’s, synced)', () => {
  it('shows what arrived, was edited or deleted, anchored, without a reload', () => {
    const { store, events } = open([stored('a', '36项'), stored('b', '48.6%')]);
    const edited = { ...stored('a', '36项'), note: '队友的备注' };
    store.replaceStored([edited, stored('c', '审查规范性文件12件')], TERMS);
    expect(events).toEqual(['changed']);
    expect(store.get('a')!.record.note).toBe('队友的备注');
    expect(store.get('b')).toBeUndefined();
    expect(store.get('c')!.anchor).toMatchObject({ start: TEXT.indexOf('审查规范性文件12件'), method: 'exact' });
  });

  it('keeps what the page shows of an annotation whose own change is still being written', async () => {
    const { store } = open([stored('a', '36项')]);
    store.update('a', passage('36项'), (a) => ({ ...a, note: '我正在写' }));
    store.update('n', passage('48.6%'), (a) => ({ ...a, terms: ['t2'] }));
    store.replaceStored([{ ...stored('a', '36项'), note: '旧的' }], TERMS);
    expect(store.get('a')!.record.note).toBe('我正在写');
    expect(store.get('n')).toBeDefined();
    await store.settled();
    store.replaceStored([{ ...stored('a', '36项'), note: '队友后改的' }], TERMS);
    expect(store.get('a')!.record.note).toBe('队友后改的');
    expect(store.get('n')).toBeUndefined();
  });
});
