// @vitest-environment jsdom
// The content script's side of study mode's messages: which messages it takes, what it answers, and that a panel
// asking while the page is still being read gets its answer once the scan is done.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { answerStudy, handleStudyMessage, isStudyRequest, type StudyHost, type StudyView } from '../../../messaging/study';
import { fakeHighlights, scanFixture } from './helpers/scan';

let host: StudyHost;
beforeAll(async () => {
  const { scan, doc } = await scanFixture('zhangdian-2017-report');
  host = { scan };
  const world = fakeHighlights(doc);
  return () => world.restore();
});

describe('handleStudyMessage', () => {
  it('leaves other messages to the content script’s own listener', () => {
    const send = vi.fn();
    for (const message of [{ type: 'pizhu:get-summary' }, { type: 'pizhu:reveal', index: 0 }, null, 'pizhu:study:get', {}]) {
      expect(handleStudyMessage(message, host, send)).toBe(false);
    }
    expect(send).not.toHaveBeenCalled();
    expect(isStudyRequest({ type: 'pizhu:study:draw', on: true })).toBe(true);
  });

  it('answers get with the study view, the same one each time (computed once per scan)', () => {
    const send = vi.fn();
    expect(handleStudyMessage({ type: 'pizhu:study:get' }, host, send)).toBe(true);
    expect(handleStudyMessage({ type: 'pizhu:study:get' }, host, send)).toBe(true);
    const [[first], [second]] = send.mock.calls as [[StudyView], [StudyView]];
    expect(first.own?.text).toBe('张政字〔2018〕8号');
    expect(second).toBe(first);
  });

  it('waits for a session still being read, then answers', async () => {
    let resolve!: (h: StudyHost) => void;
    const starting = new Promise<StudyHost>((r) => { resolve = r; });
    const send = vi.fn();
    expect(handleStudyMessage({ type: 'pizhu:study:draw', on: true }, starting, send)).toBe(true);
    expect(send).not.toHaveBeenCalled();
    resolve(host);
    await vi.waitFor(() => expect(send).toHaveBeenCalledOnce());
    expect(send.mock.calls[0][0]).toBeGreaterThan(40);
    expect(CSS.highlights.has('pizhu-outline-heading-1')).toBe(true);
    handleStudyMessage({ type: 'pizhu:study:draw', on: false }, host, send);
    expect(CSS.highlights.has('pizhu-outline-heading-1')).toBe(false);
  });

  it('reveals a span of the scan’s text', () => {
    const view = answerStudy({ type: 'pizhu:study:get' }, host) as StudyView;
    const date = view.outline.nodes.find((n) => n.kind === 'date')!;
    expect(answerStudy({ type: 'pizhu:study:reveal', start: date.start, end: date.end }, host)).toBe(true);
    expect(answerStudy({ type: 'pizhu:study:reveal', start: 10 ** 9, end: 10 ** 9 + 1 }, host)).toBe(false);
  });

  it('with Pizhu off on the site (no session) there is nothing to study', () => {
    const send = vi.fn();
    handleStudyMessage({ type: 'pizhu:study:get' }, null, send);
    handleStudyMessage({ type: 'pizhu:study:draw', on: true }, null, send);
    handleStudyMessage({ type: 'pizhu:study:reveal', start: 0, end: 1 }, null, send);
    expect(send.mock.calls.map((c) => c[0])).toEqual([null, 0, false]);
  });
});
