// No file can poison the library: what a file puts into keys and indexes is bounded, ids that are no usable IRI are
// replaced, dates are read strictly, and whatever is imported exports as valid W3C JSON-LD. Each case is a file of
// the hostile corpus (tests/hostile/annotations/, one README line each).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FOREIGN_CHARS, MAX_IRI_LENGTH } from '../../../exchange/bounds';
import { parseW3CText, type ParseResult } from '../../../exchange/jsonld-import';
import { toAnnotationCollection } from '../../../exchange/jsonld';
import type { AnnotationRecord } from '../../../model';
import { contextOf, NOW, ok } from './support/round-trip';
import { w3cCheck } from './support/w3c-check';

const DIR = path.resolve(__dirname, '../../hostile/annotations');

function read(file: string, text = fs.readFileSync(path.join(DIR, file), 'utf8')): ParseResult {
  return parseW3CText(text, Buffer.byteLength(text), { now: NOW, maxBytes: 200 * 1024 * 1024 });
}

function errors(result: ParseResult): string[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

const exportedOf = (annotations: AnnotationRecord[]) =>
  (toAnnotationCollection(annotations, { pages: new Map(), terms: new Map() }) as { first: { items: Record<string, unknown>[] } }).first.items;

describe('the hostile annotation corpus', () => {
  it('lists every file in its README', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.jsonld'));
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readme, f).toContain(`\`${f}\``);
  });

  it('giant-id: a 100 KB id is no key; the annotation gets a new one', () => {
    const result = ok(read('giant-id.jsonld'));
    expect(result.annotations).toHaveLength(2);
    for (const a of result.annotations) expect(a.id.length).toBeLessThanOrEqual(MAX_IRI_LENGTH);
    expect(result.annotations[0].id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(result.notices).toMatchObject({ newIds: 1, viaKept: 1, partsTooLarge: 1 });
    // Too large to keep as via too: nothing of the old id is stored.
    expect(JSON.stringify(result.annotations[0]).length).toBeLessThan(5_000);
  });

  it('a 2 MB id, as in the report, is no key either, and a file of 25,000 after it stores only bounded keys', () => {
    const giant = { id: `urn:x:${'a'.repeat(2 * 1024 * 1024)}`, type: 'Annotation', target: 'http://example.org/p' };
    const many = Array.from({ length: 25_000 }, (_, i) => ({ id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, type: 'Annotation', target: 'http://example.org/p' }));
    const text = JSON.stringify([giant, ...many]);
    const result = ok(read('', text));
    expect(result.annotations).toHaveLength(25_001);
    expect(Math.max(...result.annotations.map((a) => a.id.length + a.pageUrl.length))).toBeLessThanOrEqual(2 * MAX_IRI_LENGTH);
  });

  it('ids-not-iris: blank, HTML, prose, a number, none and a relative id get new ids; an IRI is kept in URI form', () => {
    const result = ok(read('ids-not-iris.jsonld'));
    const ids = result.annotations.map((a) => a.id);
    expect(ids.slice(0, 6)).toEqual(ids.slice(0, 6).map(() => expect.stringMatching(/^urn:uuid:/)));
    expect(new Set(ids).size).toBe(7);
    expect(ids[6]).toBe('http://example.org/%E6%89%B9%E6%B3%A8/7');
    expect(result.notices).toMatchObject({ newIds: 6, viaKept: 0, irisNormalised: 1 });
    // The same file again gives the same ids: a second import finds them unchanged.
    expect(ok(read('ids-not-iris.jsonld')).annotations.map((a) => a.id)).toEqual(ids);
    expect(result.warnings.some((w) => w.includes('not a usable IRI'))).toBe(true);
  });

  it('dates-unreadable: "1", "Tue, 5 Mar 2024" and "12/31/1999" refuse the file, each named', () => {
    expect(errors(read('dates-unreadable.jsonld'))).toEqual([
      '[0].created: expected an ISO 8601 date-time, found the text "1"',
      '[1].created: expected an ISO 8601 date-time, found the text "Tue, 5 Mar 2024"',
      '[2].modified: expected an ISO 8601 date-time, found the text "12/31/1999"',
    ]);
  });

  it('dates-near-iso: a date alone, a space, no zone and +0800 are rewritten as RFC 3339', () => {
    const result = ok(read('dates-near-iso.jsonld'));
    expect(result.annotations.map((a) => a.created)).toEqual([
      '2024-03-05T00:00:00.000Z',
      '2024-03-05T10:00:00.000Z',
      '2024-03-05T10:00:00.000Z',
      '2024-03-05T02:00:00.000Z',
    ]);
    expect(result.notices.datesNormalised).toBe(4);
  });

  it('giant-page-url, giant-tag, giant-term-iri: what would be a key beyond the bound refuses the file', () => {
    expect(errors(read('giant-page-url.jsonld'))[0]).toMatch(/^\[0\]\.target\.source: expected the page’s IRI \(at most 2048 characters\)/);
    expect(errors(read('giant-tag.jsonld'))[0]).toMatch(/^\[0\]\.body\.value: a tag too long to be a term \(5000 characters\)/);
    expect(errors(read('giant-term-iri.jsonld'))[0]).toMatch(/^\[0\]\.body\.source: expected the IRI of a term \(at most 2048 characters\)/);
  });

  it('oversized-extra: the annotation comes in, 100,000 characters it does not use do not', () => {
    const result = ok(read('oversized-extra.jsonld'));
    expect(result.annotations).toHaveLength(2);
    expect(JSON.stringify(result.annotations[0].foreign ?? {}).length).toBeLessThanOrEqual(MAX_FOREIGN_CHARS);
    expect(exportedOf(result.annotations)[0]).not.toHaveProperty('schema:comment');
    expect(result.notices.partsTooLarge).toBe(1);
  });

  it('deep-nesting: 100,000 levels are refused before anything walks them', () => {
    expect(errors(read('deep-nesting.jsonld'))).toEqual(['annotation: nested more than 64 levels deep']);
  });

  it('proto-keys: nothing is polluted and no __proto__ is kept', () => {
    const result = ok(read('proto-keys.jsonld'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const written = JSON.stringify(exportedOf(result.annotations));
    expect(written).not.toContain('__proto__');
    expect(Object.getPrototypeOf(result.annotations[0])).toBe(Object.prototype);
  });

  it('invalid-kept-parts: the parts that break the MUSTs are left out, the rest is kept', () => {
    const result = ok(read('invalid-kept-parts.jsonld'));
    expect(result.notices.partsInvalid).toBe(4);
    const [first, second, third, fourth] = exportedOf(result.annotations);
    expect(first).not.toHaveProperty('rights');
    expect(first).not.toHaveProperty('via');
    expect(first).not.toHaveProperty('generated');
    // The bad body's text was part of the note: it is not lost, it moves into the note body that stays.
    expect(second.body).toEqual([{ type: 'TextualBody', value: 'x\n\n保留的备注', purpose: 'commenting', language: 'zh' }]);
    expect(result.annotations[1].note).toBe('x\n\n保留的备注');
    expect(JSON.stringify(third.target)).not.toContain('styleClass');
    expect(JSON.stringify(fourth.target)).not.toContain('FooSelector');
    expect(result.annotations.map((a) => a.quote?.exact)).toEqual(['依法行政', '依法行政', '依法行政', '依法行政']);
  });

  it('legacy-unknown-position: Pizhu’s old "start": -1 is no position, and is not written again', () => {
    const result = ok(read('legacy-unknown-position.jsonld'));
    expect(result.annotations[0]).not.toHaveProperty('position');
    expect(result.annotations[0]).not.toHaveProperty('foreign');
    expect(JSON.stringify(exportedOf(result.annotations))).not.toContain('-1');
  });

  it('non-ascii-iris: the page and the rights are kept in URI form; the page key is the browser’s', () => {
    const [a] = ok(read('non-ascii-iris.jsonld')).annotations;
    expect(a.sourceUrl).toBe('http://www.%E4%BE%8B%E5%AD%90.gov.cn/%E6%8A%A5%E5%91%8A.html');
    expect(a.pageUrl).toBe('http://www.xn--fsqu00a.gov.cn/%E6%8A%A5%E5%91%8A.html');
    expect(a.foreign?.properties?.rights).toBe('https://%E4%BE%8B%E5%AD%90.org/%E8%AE%B8%E5%8F%AF');
  });

  it('everything that imports exports as valid W3C JSON-LD (0 failed)', async () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.jsonld'));
    const annotations = files.flatMap((f) => {
      const r = read(f);
      return r.ok ? r.annotations : [];
    });
    expect(annotations.length).toBeGreaterThan(20);
    const parsed = { ok: true as const, annotations, pages: [], importedTerms: [], warnings: [], notices: {} as never };
    const result = await w3cCheck(toAnnotationCollection(annotations, contextOf(parsed)), 'hostile-exported.jsonld');
    expect(result.failures).toEqual([]);
    expect(result.failed).toBe(0);
  }, 120_000);
});
