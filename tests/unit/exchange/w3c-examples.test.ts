// Annotations from other tools keep everything: each example of the W3C Web Annotation Data Model, and a file shaped
// like Hypothesis's JSON-LD output, goes in, comes out, and is equal but for the normalisations listed at the top of
// exchange/jsonld-import.ts, and every export passes the W3C test suite's checker.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromW3C, parseW3CText } from '../../../exchange/jsonld-import';
import { toAnnotationCollection } from '../../../exchange/jsonld';
import { tagIri } from '../../../exchange/jsonld-vocab';
import { contextOf, exported, NOW, ok, withoutContext } from './support/round-trip';
import { w3cCheck } from './support/w3c-check';

const EXAMPLES_DIR = path.resolve(__dirname, '../../fixtures/w3c-examples');
const EXAMPLES = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((f) => /^anno\d+\.json$/.test(f))
  .sort((a, b) => parseInt(a.slice(4)) - parseInt(b.slice(4)))
  .map((file) => ({ file, doc: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Record<string, unknown> }));
const HYPOTHESIS = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/hypothesis/annotations.jsonld'), 'utf8')) as Record<string, unknown>[];

/** Examples 11–13: a Composite, List and Independents target, written as separate targets (normalisation 3). */
const LIST_TARGETS = new Set(['anno11.json', 'anno12.json', 'anno13.json']);

function expectedOf(file: string, doc: Record<string, unknown>): Record<string, unknown> {
  const out = withoutContext(doc);
  if (!LIST_TARGETS.has(file)) return out;
  return { ...out, target: (doc.target as { items: unknown[] }).items };
}

describe('the W3C model’s examples, imported and exported', () => {
  it('has all 41 of them to test with', () => {
    expect(EXAMPLES).toHaveLength(41);
  });

  for (const { file, doc } of EXAMPLES) {
    it(`${file} comes back as it went in`, () => {
      expect(exported(doc)).toEqual([expectedOf(file, doc)]);
    });
  }

  it('exported together, pass the W3C test suite’s MUST assertions (0 failed)', async () => {
    const parsed = ok(fromW3C(EXAMPLES.map((e) => e.doc), { now: NOW }));
    const result = await w3cCheck(toAnnotationCollection(parsed.annotations, contextOf(parsed)), 'w3c-examples.jsonld');
    expect(result.failures).toEqual([]);
    expect(result.out).toContain('checked 41 annotation(s)');
    expect(result.failed).toBe(0);
  }, 120_000);

  it('read what Pizhu uses: tags as terms, comments as notes, quotes as passages', () => {
    const parsed = ok(fromW3C(EXAMPLES.map((e) => e.doc), { now: NOW }));
    const byId = new Map(parsed.annotations.map((a) => [a.id, a]));
    expect(byId.get('http://example.org/anno5')).toMatchObject({ note: "<p>j'adore !</p>", terms: [] });
    expect(byId.get('http://example.org/anno18')).toMatchObject({ terms: [tagIri('readme')], note: 'A good description of the topic that bears further investigation' });
    expect(byId.get('http://example.org/anno21')).toMatchObject({ terms: ['http://example.org/city1'] });
    expect(byId.get('http://example.org/anno26')).toMatchObject({
      pageUrl: 'http://example.org/page1',
      quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
    });
    expect(byId.get('http://example.org/anno26')).not.toHaveProperty('position');
    expect(byId.get('http://example.org/anno15')!.creator).toEqual({ id: 'http://example.org/user1', name: 'My Pseudonym' });
    // Undated examples keep the time of import for the library's order, and are exported undated (test above).
    expect(byId.get('http://example.org/anno1')).toMatchObject({ created: NOW, modified: NOW });
    expect(parsed.notices).toMatchObject({ listsFlattened: 3, newIds: 0, partsInvalid: 0, partsTooLarge: 0, datesNormalised: 0 });
  });
});

describe('Hypothesis’s JSON-LD, imported and exported', () => {
  it('comes back as it went in, a page note’s bare `{ source }` target written as the page', () => {
    const out = exported(HYPOTHESIS);
    expect(out.slice(0, 2)).toEqual(HYPOTHESIS.slice(0, 2).map(withoutContext));
    const pageNote = withoutContext(HYPOTHESIS[2]);
    expect(out[2]).toEqual({ ...pageNote, target: 'http://www.gov.cn/zhengce/content/2021-08/11/content_5630802.htm' });
  });

  it('is read: the note with its markdown, tags as terms, the page key without the share parameter', () => {
    const parsed = ok(fromW3C(HYPOTHESIS, { now: NOW }));
    const [first, highlight] = parsed.annotations;
    expect(first).toMatchObject({
      pageUrl: 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html',
      sourceUrl: 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html?from=timeline',
      note: '纠错率比上年**下降**，报告没有说原因。',
      terms: [tagIri('行政复议'), tagIri('数据口径')],
      position: { start: 5210, end: 5248 },
      creator: { id: 'acct:wang.xiaoming@hypothes.is', name: '' },
      created: '2024-03-05T02:11:43.187621+00:00',
    });
    expect(highlight).toMatchObject({ note: '', terms: [] });
    expect(parsed.notices.listsFlattened).toBe(1);
  });

  it('passes the checker once exported, though Hypothesis’s own page note does not', async () => {
    expect((await w3cCheck(HYPOTHESIS, 'hypothesis-in.jsonld')).failed).toBe(1);
    const parsed = ok(fromW3C(HYPOTHESIS, { now: NOW }));
    const result = await w3cCheck(toAnnotationCollection(parsed.annotations, contextOf(parsed)), 'hypothesis-out.jsonld');
    expect(result.failures).toEqual([]);
    expect(result.failed).toBe(0);
  }, 120_000);
});

describe('a second round trip', () => {
  it('changes nothing: what Pizhu exported of a foreign file imports to the same records', () => {
    const docs = [...EXAMPLES.map((e) => e.doc), ...HYPOTHESIS];
    const first = ok(fromW3C(docs, { now: NOW }));
    const text = JSON.stringify(toAnnotationCollection(first.annotations, contextOf(first)));
    const second = ok(parseW3CText(text, text.length, { now: NOW }));
    expect(second.annotations).toEqual(first.annotations);
  });
});
