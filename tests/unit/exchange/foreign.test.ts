// Edits in Pizhu to an annotation from elsewhere: the kept parts follow them (exchange/foreign.ts).
import { describe, expect, it } from 'vitest';
import { afterEdit } from '../../../exchange/foreign';
import { fromW3C } from '../../../exchange/jsonld-import';
import { toW3CAnnotation } from '../../../exchange/jsonld';
import { tagIri } from '../../../exchange/jsonld-vocab';
import type { AnnotationRecord } from '../../../model';
import { contextOf, NOW, ok } from './support/round-trip';

const PAGE = 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html';
const HYPOTHESIS_LIKE = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://hypothes.is/a/abc',
  type: 'Annotation',
  created: '2024-03-05T02:11:43.187621+00:00',
  creator: 'acct:wang@hypothes.is',
  rights: 'https://creativecommons.org/licenses/by/4.0/',
  body: [
    { type: 'TextualBody', value: '原来的备注', format: 'text/markdown', language: 'zh' },
    { type: 'TextualBody', value: '行政复议', purpose: 'tagging' },
    { type: 'TextualBody', value: '数据口径', purpose: 'tagging' },
    { type: 'SpecificResource', purpose: 'describing', source: 'http://example.org/page-about-it' },
  ],
  target: [{ source: PAGE, selector: [{ type: 'XPathSelector', value: '/p[3]' }, { type: 'TextQuoteSelector', exact: '依法行政' }] }],
};

function imported(doc: object = HYPOTHESIS_LIKE) {
  const parsed = ok(fromW3C(doc, { now: NOW }));
  return { record: parsed.annotations[0], ctx: contextOf(parsed) };
}

const write = (record: AnnotationRecord, ctx: ReturnType<typeof contextOf>) => toW3CAnnotation(record, ctx) as Record<string, unknown>;

describe('an annotation from elsewhere, edited in Pizhu', () => {
  it('loses a removed term’s body, keeps the others and what Pizhu does not use', () => {
    const { record, ctx } = imported();
    const out = write({ ...record, terms: [tagIri('数据口径')] }, ctx);
    expect(out.body).toEqual([HYPOTHESIS_LIKE.body[0], HYPOTHESIS_LIKE.body[2], HYPOTHESIS_LIKE.body[3]]);
    expect(out).toMatchObject({ rights: HYPOTHESIS_LIKE.rights, creator: HYPOTHESIS_LIKE.creator, created: HYPOTHESIS_LIKE.created });
  });

  it('writes an added term Pizhu’s way, after the kept bodies', () => {
    const { record, ctx } = imported();
    const term = 'https://pizhu.app/taxonomy/fzzf/2021/term/4';
    const withTerm = { ...ctx, terms: new Map([...ctx.terms, [term, { ...ctx.terms.values().next().value!, id: term, label: { zh: '行政执法', en: 'Law enforcement' } }]]) };
    const out = write({ ...record, terms: [...record.terms, term] }, withTerm);
    expect((out.body as unknown[]).slice(0, 4)).toEqual(HYPOTHESIS_LIKE.body);
    expect((out.body as unknown[]).slice(4)).toEqual([
      { type: 'SpecificResource', purpose: 'classifying', source: term },
      { type: 'TextualBody', purpose: 'tagging', value: '行政执法', language: 'zh' },
    ]);
  });

  it('puts a changed note into the body it came from (as plain text now), and drops it when the note is cleared', () => {
    const { record, ctx } = imported();
    const changed = write({ ...record, note: '改过的备注' }, ctx);
    expect((changed.body as unknown[])[0]).toEqual({ type: 'TextualBody', value: '改过的备注', format: 'text/plain', language: 'zh' });
    const cleared = write({ ...record, note: '' }, ctx);
    expect(cleared.body).toEqual(HYPOTHESIS_LIKE.body.slice(1));
  });

  it('adds the position learned by anchoring next to the quote it was found by', () => {
    const { record, ctx } = imported();
    expect(record).not.toHaveProperty('position');
    const out = write({ ...record, position: { start: 120, end: 124 } }, ctx);
    expect(out.target).toEqual([
      {
        source: PAGE,
        selector: [{ type: 'XPathSelector', value: '/p[3]' }, { type: 'TextQuoteSelector', exact: '依法行政' }, { type: 'TextPositionSelector', start: 120, end: 124 }],
      },
    ]);
    // The stored kept target is not changed by writing it.
    expect(JSON.stringify(record.foreign?.target)).not.toContain('TextPositionSelector');
  });

  it('keeps a bodyValue note as bodyValue until there is more to say, then writes a body', () => {
    const doc = { id: 'urn:x:1', type: 'Annotation', bodyValue: '短评', target: { source: PAGE, selector: { type: 'TextQuoteSelector', exact: '依法行政' } } };
    const { record, ctx } = imported(doc);
    expect(write(record, ctx)).toMatchObject({ bodyValue: '短评' });
    const term = tagIri('新标签');
    const out = write({ ...record, terms: [term] }, ctx);
    expect(out).not.toHaveProperty('bodyValue');
    expect(out.body).toEqual([{ type: 'SpecificResource', purpose: 'classifying', source: term }, { type: 'TextualBody', value: '短评' }]);
  });

  it('gets a modification date once edited, though its file had none', () => {
    const doc = { id: 'urn:x:2', type: 'Annotation', bodyValue: '无日期', target: 'http://example.org/p' };
    const { record, ctx } = imported(doc);
    expect(write(record, ctx)).not.toHaveProperty('modified');
    const edited = afterEdit({ ...record, modified: '2025-02-02T00:00:00.000Z' });
    expect(write(edited, ctx)).toMatchObject({ modified: '2025-02-02T00:00:00.000Z' });
    expect(write(edited, ctx)).not.toHaveProperty('created');
  });

  it('is credited to the coder named at import, where its file named nobody', () => {
    const doc = { id: 'urn:x:3', type: 'Annotation', bodyValue: '谁的', target: 'http://example.org/p' };
    const { record, ctx } = imported(doc);
    const coder = { id: 'urn:uuid:7c0de000-0000-4000-8000-000000000002', name: '李四' };
    expect(write({ ...record, creator: coder }, ctx)).toMatchObject({ creator: { id: coder.id, type: 'Person', name: '李四' } });
  });
});
