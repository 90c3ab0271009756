// The documents of a team's database: ids, the content a record is written as, and what a remote document may bring.
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../../taxonomy/default';
import { contentKey, docId, DOC_SCHEMA, LIMITS, parseDocId, readDoc, toBody, type TeamDoc } from '../../../sync/documents';
import { annotation } from '../storage/fixtures';
import type { PageRecord } from '../../../model';

const note = { ...annotation('urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e', 'https://gov.example/r', '2024-03-01T08:00:00.000Z', ['t1', 't2']), creator: { id: 'urn:uuid:c0', name: '李四' } };
const page: PageRecord = {
  url: 'https://gov.example/r',
  title: '2023年法治政府建设情况报告',
  kind: 'report',
  docNumber: '张政字〔2024〕8号',
  docNumberKey: '张政字〔2024〕8号',
  snapshot: '正文……',
  snapshotAt: '2024-03-01T08:00:00.000Z',
  firstSeen: '2024-03-01T08:00:00.000Z',
  lastSeen: '2024-05-01T08:00:00.000Z',
};

function keyOfRecord(kind: 'annotation' | 'page', record: object): string {
  const made = toBody(kind, record);
  if (!made.ok) throw new Error(made.reason);
  return contentKey(made.body);
}

function asDoc(kind: 'annotation' | 'page' | 'term' | 'taxonomy', key: string, data: unknown, extra: object = {}): TeamDoc {
  return { _id: docId(kind, key), _rev: '1-a', type: kind, schema: DOC_SCHEMA, data, by: 'alice', ...extra };
}

describe('document ids', () => {
  it('name the kind and keep the record’s key whole, colons and all', () => {
    expect(docId('annotation', note.id)).toBe(`annotation:${note.id}`);
    expect(parseDocId(`annotation:${note.id}`)).toEqual({ kind: 'annotation', key: note.id });
    expect(parseDocId('page:https://gov.example/r?a=1')).toEqual({ kind: 'page', key: 'https://gov.example/r?a=1' });
    expect(parseDocId('_design/pizhu')).toBeNull();
    expect(parseDocId('widget:1')).toBeNull();
    expect(parseDocId('term:')).toBeNull();
  });
});

describe('a record written as a document and read back', () => {
  it('gives the annotation back as it was', () => {
    const body = toBody('annotation', note);
    expect(body.ok).toBe(true);
    const read = readDoc(asDoc('annotation', note.id, body.ok && body.body.data));
    expect(read).toEqual({ status: 'record', kind: 'annotation', key: note.id, record: note });
  });

  it('gives every term and the taxonomy of the default codebook back as they were', () => {
    const { taxonomy, terms } = defaultTaxonomy();
    for (const term of terms) {
      const body = toBody('term', term);
      const read = readDoc(asDoc('term', term.id, body.ok && body.body.data));
      expect(read).toMatchObject({ status: 'record', record: term });
    }
    const body = toBody('taxonomy', taxonomy);
    expect(readDoc(asDoc('taxonomy', taxonomy.id, body.ok && body.body.data))).toMatchObject({ status: 'record', record: taxonomy });
  });

  it('keeps of a page what recognition found and its text, not when this browser saw it', () => {
    const body = toBody('page', page);
    expect(body.ok && body.body.data).toEqual({
      url: page.url, title: page.title, kind: 'report', docNumber: page.docNumber, snapshot: page.snapshot, snapshotAt: page.snapshotAt,
    });
    // Another visit changes lastSeen only: the content is the same, so nothing would be written.
    expect(keyOfRecord('page', { ...page, lastSeen: '2025-01-01T00:00:00.000Z' })).toBe(keyOfRecord('page', page));
  });

  it('keeps the page’s structure with its text, and leaves out one that is not a structure of that text', () => {
    const snapshotStructure = { segments: [{ start: 0, end: 4 }], blocks: [{ start: 0, end: 2, tag: 'h1' }, { start: 2, end: 4, tag: 'p' }] };
    const body = toBody('page', { ...page, snapshotStructure });
    expect(body.ok && body.body.data).toMatchObject({ snapshot: page.snapshot, snapshotStructure });
    const beyond = { segments: [{ start: 0, end: 500 }], blocks: [] };
    const read = readDoc(asDoc('page', page.url, { ...page, snapshotStructure: beyond }));
    expect(read.status === 'record' && 'snapshotStructure' in read.record).toBe(false);
  });

  it('compares equal whatever order the fields were set in, and differs when a field differs', () => {
    const { note: text, ...rest } = note;
    const reordered = { note: text, ...rest };
    const key = (r: object) => keyOfRecord('annotation', r);
    expect(key(reordered)).toBe(key(note));
    expect(key({ ...note, note: '不同' })).not.toBe(key(note));
    expect(contentKey(asDoc('annotation', note.id, note))).toBe(key(note));
  });

  it('refuses to send a record a teammate’s Pizhu would refuse', () => {
    expect(toBody('annotation', { ...note, note: 'x'.repeat(LIMITS.note + 1) })).toEqual({ ok: false, reason: `note: longer than ${LIMITS.note}` });
  });

  it('writes a deletion as a tombstone of the kind', () => {
    expect(toBody('term', undefined)).toEqual({ ok: true, body: { type: 'term', schema: DOC_SCHEMA, _deleted: true } });
  });
});

describe('a remote document', () => {
  it('from a newer Pizhu is left as it is, not read', () => {
    expect(readDoc({ ...asDoc('annotation', note.id, { anything: true }), schema: DOC_SCHEMA + 1 })).toEqual({ status: 'newer', kind: 'annotation', key: note.id });
  });

  it('that is not Pizhu’s is left alone', () => {
    expect(readDoc({ _id: '_design/pizhu', validate_doc_update: 'function(){}' })).toEqual({ status: 'foreign' });
    expect(readDoc({ _id: 'shopping-list' })).toEqual({ status: 'foreign' });
    expect(readDoc('not even an object')).toEqual({ status: 'foreign' });
  });

  it('deleted is a deletion of its record', () => {
    expect(readDoc({ _id: `term:${'x'}`, _rev: '2-b', _deleted: true })).toEqual({ status: 'deleted', kind: 'term', key: 'x' });
  });

  const invalid: [string, TeamDoc, RegExp][] = [
    ['a type other than its id’s', { ...asDoc('annotation', note.id, note), type: 'term' }, /type/],
    ['no schema version', { ...asDoc('annotation', note.id, note), schema: undefined as never }, /schema/],
    ['no data', asDoc('annotation', note.id, null), /data/],
    ['another record’s id inside', asDoc('annotation', 'urn:uuid:other', note), /id/],
    ['a giant note', asDoc('annotation', note.id, { ...note, note: '注'.repeat(LIMITS.note + 1) }), /note/],
    ['too many terms', asDoc('annotation', note.id, { ...note, terms: Array.from({ length: LIMITS.terms + 1 }, (_, i) => `t${i}`) }), /terms/],
    ['a term that is not text', asDoc('annotation', note.id, { ...note, terms: [{ $gt: '' }] }), /terms/],
    ['a quote that is not one', asDoc('annotation', note.id, { ...note, quote: { exact: 1 } }), /quote/],
    ['a giant quote', asDoc('annotation', note.id, { ...note, quote: { exact: '文'.repeat(LIMITS.quote + 1), prefix: '', suffix: '' } }), /quote/],
    ['a date that is not a date', asDoc('annotation', note.id, { ...note, created: 'yesterday' }), /created/],
    ['a colour that is not a colour', asDoc('term', 't', { ...defaultTaxonomy().terms[0], id: 't', color: 'red;background:url(x)' }), /color/],
    ['a page kind that is not one', asDoc('page', page.url, { ...page, kind: 'evil' }), /kind/],
    ['a giant id', asDoc('term', 'x'.repeat(LIMITS.id + 1), {}), /id/],
  ];
  for (const [what, doc, reason] of invalid) {
    it(`with ${what} is refused`, () => {
      const read = readDoc(doc);
      expect(read.status).toBe('invalid');
      expect(read.status === 'invalid' && read.reason).toMatch(reason);
    });
  }

  it('is checked as an import checks a file: no quote or position is taken as a whole-page annotation, a position that ends before it starts is dropped', () => {
    const { quote: _quote, position: _position, ...whole } = note;
    expect(readDoc(asDoc('annotation', note.id, whole))).toEqual({ status: 'record', kind: 'annotation', key: note.id, record: whole });
    const read = readDoc(asDoc('annotation', note.id, { ...note, position: { start: 9, end: 3 } }));
    expect(read).toEqual({ status: 'record', kind: 'annotation', key: note.id, record: { ...note, position: undefined } });
  });

  it('brings only the fields Pizhu knows: extra ones (and prototype keys) are dropped', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": "x", "extra": "${'y'.repeat(10)}"}`) as object;
    const read = readDoc(asDoc('annotation', note.id, { ...note, ...hostile }));
    expect(read).toEqual({ status: 'record', kind: 'annotation', key: note.id, record: note });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
