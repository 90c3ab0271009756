// @vitest-environment jsdom
// Study mode's answers to the panel, over the real scan of a fixture page: what it answers, that the view is made
// once per scan, and that a panel asking while the page is still being read gets its answer once the scan is done.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestHandlers } from '../../../messaging/channel';
import type { TabProtocol } from '../../../messaging/protocol';
import type { ScanResult } from '../../../page/scan';
import { publishScan, publishedScan } from '../../../page/scan-handoff';
import { studyHandlers } from '../../../page/study-handlers';
import type { StudyView } from '../../../study/view';
import { fakeHighlights, scanFixture } from './helpers/scan';

let scan: ScanResult;
beforeAll(async () => {
  const fixture = await scanFixture('zhangdian-2017-report');
  scan = fixture.scan;
  const world = fakeHighlights(fixture.doc);
  return () => world.restore();
});

const sender = { tabId: 1 };
const answer = <K extends 'study:get' | 'study:draw' | 'study:reveal'>(
  handlers: RequestHandlers<TabProtocol>, name: K, data: Parameters<TabProtocol[K]>[0],
) => (handlers[name] as (d: unknown, s: typeof sender) => Promise<unknown>)(data, sender);

describe('study mode’s answers', () => {
  it('answers get with the study view, the same one each time (computed once per scan)', async () => {
    const handlers = studyHandlers(async () => scan);
    const first = (await answer(handlers, 'study:get', undefined)) as StudyView;
    const second = await answer(handlers, 'study:get', undefined);
    expect(first.own?.text).toBe('张政字〔2018〕8号');
    expect(second).toBe(first);
  });

  it('waits for a scan still being read (handed over by the content script), then draws', async () => {
    let resolve!: (s: ScanResult) => void;
    const reading = new Promise<ScanResult>((r) => { resolve = r; });
    publishScan(() => reading);
    const handlers = studyHandlers(publishedScan);
    let drawn: unknown;
    const asked = answer(handlers, 'study:draw', { on: true }).then((n) => (drawn = n));
    await Promise.resolve();
    expect(drawn).toBeUndefined();
    resolve(scan);
    await asked;
    expect(drawn).toBeGreaterThan(40);
    expect(CSS.highlights.has('pizhu-outline-heading-1')).toBe(true);
    await answer(handlers, 'study:draw', { on: false });
    expect(CSS.highlights.has('pizhu-outline-heading-1')).toBe(false);
  });

  it('reveals a span of the scan’s text, and nothing outside it', async () => {
    const handlers = studyHandlers(async () => scan);
    const view = (await answer(handlers, 'study:get', undefined)) as StudyView;
    const date = view.outline.nodes.find((n) => n.kind === 'date')!;
    expect(await answer(handlers, 'study:reveal', { start: date.start, end: date.end })).toBe(true);
    expect(await answer(handlers, 'study:reveal', { start: 10 ** 9, end: 10 ** 9 + 1 })).toBe(false);
  });

  it('with Pizhu off on the site (no scan) there is nothing to study', async () => {
    const handlers = studyHandlers(async () => null);
    expect(await answer(handlers, 'study:get', undefined)).toBeNull();
    expect(await answer(handlers, 'study:draw', { on: true })).toBe(0);
    expect(await answer(handlers, 'study:reveal', { start: 0, end: 1 })).toBe(false);
  });

  it('with nothing handed over, there is no scan', async () => {
    publishScan(undefined as never);
    expect(await publishedScan()).toBeNull();
  });
});
