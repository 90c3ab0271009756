import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../model';
import {
  adjudicatePage, adjudicationProgress, type AdjudicationInput, type Resolution,
} from '../../../agreement/adjudication';
import { consensusCoderId, type Coder } from '../../../agreement/coders';
import { toAnnotationCollection } from '../../../exchange/jsonld';
import { fromW3C } from '../../../exchange/jsonld-import';
import { annotation, CODERS, T1, T2, T3 } from './helpers';

const [WANG, LI, ZHAO] = CODERS;
const text = '全面推进依法行政。加快建设法治政府。严格规范公正文明执法。深化放管服改革，优化营商环境。';
const page = { url: 'https://gov.example.cn/adj.html', text };
const at = (s: string) => text.indexOf(s);
const span = (s: string): [number, number] => [at(s), at(s) + s.length];
const CONSENSUS: Coder = { id: await consensusCoderId([WANG.id, LI.id]), name: '共识（王小明、李华）' };
const NOW = '2024-06-01T08:00:00.000Z';
const LATER = '2024-06-02T08:00:00.000Z';

async function run(annotations: AnnotationRecord[], resolutions: Array<[string, Resolution]> = [], extra: Partial<AdjudicationInput> = {}, now = NOW) {
  return adjudicatePage({ page, coders: [WANG, LI], annotations, ...extra }, new Map(resolutions), { consensus: CONSENSUS, now });
}

describe('the consensus coder', () => {
  it('has a name-based urn:uuid of the coders, whatever their order, as Python’s uuid5 computes it', async () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('5b0c8f3e-2d4a-4c61-9a7e-8f1d3c6b2e90'),
    //   '\n'.join(sorted(['https://team.example.cn/people/wang', 'https://team.example.cn/people/li']))))"
    expect(await consensusCoderId([WANG.id, LI.id])).toBe('urn:uuid:21032977-cd59-5ee0-9755-c82169d0f139');
    expect(await consensusCoderId([LI.id, WANG.id, LI.id])).toBe(await consensusCoderId([WANG.id, LI.id]));
    expect(await consensusCoderId([WANG.id, ZHAO.id])).not.toBe(await consensusCoderId([WANG.id, LI.id]));
  });
});

describe('disagreements', () => {
  const agreed = [annotation(page, WANG, ...span('全面推进依法行政'), [T1]), annotation(page, LI, ...span('全面推进依法行政'), [T1])];
  const wider = [
    annotation(page, WANG, ...span('加快建设法治政府'), [T1]),
    annotation(page, LI, ...span('加快建设法治政府。'), [T1], { note: '含句号' }),
  ];

  it('are the passages where the coders cover different characters with a term; agreed passages go to the consensus', async () => {
    const result = await run([...agreed, ...wider]);
    expect(result.agreed).toBe(1);
    expect(result.items).toHaveLength(1);
    const item = result.items[0];
    expect(item.text).toBe('加快建设法治政府。');
    expect(item.disputed).toEqual([T1]);
    expect(item.sides.map((s) => [s.coder, s.spans.map((x) => text.slice(x.start, x.end))])).toEqual([
      [WANG.id, ['加快建设法治政府']], [LI.id, ['加快建设法治政府。']],
    ]);
    expect(result.progress).toEqual({ total: 1, resolved: 0, left: 1 });
    expect(result.consensus).toHaveLength(1);
    const c = result.consensus[0];
    expect(c.quote!.exact).toBe('全面推进依法行政');
    expect(c.terms).toEqual([T1]);
    expect(c.creator).toEqual({ id: CONSENSUS.id, name: CONSENSUS.name });
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('include a passage only one coder marked, and differences of term on the same span', async () => {
    const result = await run([
      annotation(page, WANG, ...span('严格规范公正文明执法'), [T1]),
      annotation(page, LI, ...span('深化放管服改革'), [T2]),
      annotation(page, WANG, ...span('优化营商环境'), [T1, T3]),
      annotation(page, LI, ...span('优化营商环境'), [T1]),
    ]);
    expect(result.items.map((i) => [i.text, i.disputed])).toEqual([
      ['严格规范公正文明执法', [T1]], ['深化放管服改革', [T2]], ['优化营商环境', [T3]],
    ]);
    expect(result.items[0].sides[1].spans).toEqual([]);
  });

  it('leave out terms not chosen, and coders who did not code the page', async () => {
    const result = await adjudicatePage({
      page, coders: [WANG, LI, ZHAO], terms: [T1],
      annotations: [...agreed, annotation(page, WANG, ...span('深化放管服改革'), [T2])],
    }, new Map(), { consensus: CONSENSUS, now: NOW });
    expect(result.coders).toEqual([WANG.id, LI.id]);
    expect(result.items).toEqual([]);
    expect(result.consensus.map((c) => c.quote!.exact)).toEqual(['全面推进依法行政']);
  });

  it('need two coders on the page: one coder’s page has nothing to reconcile and no consensus', async () => {
    const result = await run([annotation(page, WANG, ...span('全面推进依法行政'), [T1])]);
    expect(result.items).toEqual([]);
    expect(result.consensus).toEqual([]);
  });
});

describe('resolutions', () => {
  const a = annotation(page, WANG, ...span('加快建设法治政府'), [T1], { note: '王的备注' });
  const b = annotation(page, LI, at('建设法治政府。'), at('严格规范') + 4, [T2], { note: '李的备注' });
  const keyOf = async () => (await run([a, b])).items[0].key;

  it('accept A or accept B takes that coder’s annotations, with their notes', async () => {
    const key = await keyOf();
    const takeA = await run([a, b], [[key, { choice: 'accept', coder: WANG.id }]]);
    expect(takeA.consensus.map((c) => [c.quote!.exact, c.terms, c.note])).toEqual([['加快建设法治政府', [T1], '王的备注']]);
    expect(takeA.progress).toEqual({ total: 1, resolved: 1, left: 0 });
    const takeB = await run([a, b], [[key, { choice: 'accept', coder: LI.id }]]);
    expect(takeB.consensus.map((c) => [c.quote!.exact, c.terms])).toEqual([['建设法治政府。严格规范', [T2]]]);
  });

  it('merge keeps, term by term, every character either coder covered', async () => {
    const key = await keyOf();
    const result = await run([a, b], [[key, { choice: 'merge' }]]);
    expect(result.consensus.map((c) => [c.quote!.exact, c.terms, c.note])).toEqual([
      ['加快建设法治政府', [T1], '王的备注\n李的备注'],
      ['建设法治政府。严格规范', [T2], '王的备注\n李的备注'],
    ]);
    // The same span with different terms becomes one annotation with both.
    const x = annotation(page, WANG, ...span('深化放管服改革'), [T1]);
    const y = annotation(page, LI, ...span('深化放管服改革'), [T2]);
    const k = (await run([x, y])).items[0].key;
    expect((await run([x, y], [[k, { choice: 'merge' }]])).consensus.map((c) => [c.quote!.exact, c.terms])).toEqual([['深化放管服改革', [T1, T2]]]);
  });

  it('neither leaves the passage out of the consensus, and counts as resolved', async () => {
    const key = await keyOf();
    const result = await run([a, b], [[key, { choice: 'neither' }]]);
    expect(result.consensus).toEqual([]);
    expect(result.progress.left).toBe(0);
  });

  it('accepting a coder who has not coded the page resolves nothing', async () => {
    const key = await keyOf();
    const result = await run([a, b], [[key, { choice: 'accept', coder: ZHAO.id }]]);
    expect(result.items[0].resolution).toBeUndefined();
    expect(result.progress.left).toBe(1);
  });

  it('for three coders, any one may be accepted', async () => {
    const c = annotation(page, ZHAO, ...span('加快建设'), [T1]);
    const three = (resolutions: Array<[string, Resolution]>) => adjudicatePage({ page, coders: [WANG, LI, ZHAO], annotations: [a, b, c] },
      new Map(resolutions), { consensus: CONSENSUS, now: NOW });
    const item = (await three([])).items[0];
    expect(item.sides.map((s) => s.coder)).toEqual([WANG.id, LI.id, ZHAO.id]);
    expect((await three([[item.key, { choice: 'accept', coder: ZHAO.id }]])).consensus.map((x) => x.quote!.exact)).toEqual(['加快建设']);
  });
});

describe('recomputation', () => {
  const a = annotation(page, WANG, ...span('加快建设法治政府'), [T1]);
  const b = annotation(page, LI, ...span('加快建设法治政府。'), [T1]);
  const other = [annotation(page, WANG, ...span('优化营商环境'), [T2]), annotation(page, LI, ...span('优化营商'), [T2])];

  it('keeps resolutions of unchanged passages; a changed passage comes back unresolved and its old key is stale', async () => {
    const first = await run([a, b, ...other]);
    const [k1, k2] = first.items.map((i) => i.key);
    const resolutions: Array<[string, Resolution]> = [[k1, { choice: 'accept', coder: LI.id }], [k2, { choice: 'neither' }]];
    expect((await run([a, b, ...other], resolutions)).progress).toEqual({ total: 2, resolved: 2, left: 0 });

    // 李华 narrows the second passage: that item is new, the first keeps its resolution.
    const narrowed = { ...other[1], position: { start: at('优化'), end: at('优化') + 2 }, quote: { ...other[1].quote!, exact: '优化' } };
    const again = await run([a, b, other[0], narrowed], resolutions);
    expect(again.items[0].key).toBe(k1);
    expect(again.items[0].resolution).toEqual({ choice: 'accept', coder: LI.id });
    expect(again.items[1].key).not.toBe(k2);
    expect(again.items[1].resolution).toBeUndefined();
    expect(again.stale).toEqual([k2]);
    expect(again.progress).toEqual({ total: 2, resolved: 1, left: 1 });
  });

  it('gives the same consensus records again, keeping their times, and a new time only to what changed', async () => {
    const key = (await run([a, b])).items[0].key;
    const first = await run([a, b], [[key, { choice: 'accept', coder: LI.id }]]);
    const stored = first.consensus;
    expect(stored[0].created).toBe(NOW);
    const again = await run([a, b, ...stored], [[key, { choice: 'accept', coder: LI.id }]], {}, LATER);
    expect(again.consensus).toEqual(stored);
    const switched = await run([a, b, ...stored], [[key, { choice: 'accept', coder: WANG.id }]], {}, LATER);
    expect(switched.consensus[0].id).not.toBe(stored[0].id);
    expect(switched.consensus[0].created).toBe(LATER);
  });

  it('sums progress over pages', async () => {
    const p1 = await run([a, b]);
    const p2 = await run([a, b], [[p1.items[0].key, { choice: 'neither' }]]);
    expect(adjudicationProgress([p1, p2])).toEqual({ total: 2, resolved: 1, left: 1 });
  });
});

describe('the consensus exports like any coder', () => {
  it('as W3C JSON-LD that imports back to the same records, under the consensus coder', async () => {
    const a = annotation(page, WANG, ...span('加快建设法治政府'), [T1]);
    const b = annotation(page, LI, ...span('加快建设法治政府。'), [T1]);
    const key = (await run([a, b])).items[0].key;
    const { consensus } = await run([a, b], [[key, { choice: 'merge' }]]);
    const json = toAnnotationCollection(consensus, { pages: new Map(), terms: new Map() });
    const back = fromW3C(JSON.parse(JSON.stringify(json)));
    if (!back.ok) throw new Error(back.errors.join('; '));
    expect(back.annotations).toEqual(consensus);
    expect(back.annotations[0].creator?.id).toBe(CONSENSUS.id);
  });
});
