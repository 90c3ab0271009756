// The typed channel over an in-memory transport: requests reach their one answerer and bring its reply or its
// error back (bilingual messages intact); unanswered requests say so; events reach every listener and no one
// answers them; what is not Pizhu's is left alone.
import { describe, expect, it } from 'vitest';
import { eventChannel, NoAnswerError, RemoteError, requestChannel, type Envelope, type Sender, type Transport } from '../../../messaging/channel';

/**
 * Contexts on one bus; each listener answers or not, as runtime.onMessage does. A tabId reaches only that tab's top
 * frame, or every frame of it with allFrames (`inner`: a context in a frame below the top, as the picker's frame is).
 */
function bus() {
  const contexts: Array<{ tabId?: number; inner: boolean; receivers: Array<(e: unknown, s: Sender) => Promise<unknown> | undefined> }> = [];
  const context = (tabId?: number, { inner = false } = {}): Transport => {
    const self = { tabId, inner, receivers: [] as Array<(e: unknown, s: Sender) => Promise<unknown> | undefined> };
    contexts.push(self);
    return {
      async send(envelope: Envelope, to?: number, allFrames?: boolean) {
        const targets = contexts.filter((c) => c !== self
          && (to === undefined ? c.tabId === undefined : c.tabId === to && (allFrames || !c.inner)));
        if (targets.length === 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        for (const c of targets) {
          for (const receive of c.receivers) {
            const reply = receive(structuredClone(envelope), { tabId: self.tabId });
            if (reply) return reply;
          }
        }
        return undefined;
      },
      listen(receive) {
        self.receivers.push(receive);
        return () => self.receivers.splice(self.receivers.indexOf(receive), 1);
      },
    };
  };
  return { context, raw: (tabId: number, message: unknown) => contexts.find((c) => c.tabId === tabId)!.receivers.map((r) => r(message, {})) };
}

interface Requests {
  add: (req: { a: number; b: number }) => number;
  ping: () => string;
  fail: () => void;
}
interface Events {
  changed: (data: { n: number }) => void;
  bare: () => void;
}

describe('requests', () => {
  it('reach their answerer and bring back its reply, typed at both ends', async () => {
    const { context } = bus();
    const worker = requestChannel<Requests>(context());
    const page = requestChannel<Requests>(context(3));
    worker.handle({ add: ({ a, b }, sender) => a + b + (sender.tabId ?? 0), ping: () => 'pong' });
    await expect(page.send('add', { a: 1, b: 2 })).resolves.toBe(6);
    await expect(page.send('ping')).resolves.toBe('pong');
  });

  it('bring back the answerer’s error with its code and both languages', async () => {
    const { context } = bus();
    const worker = requestChannel<Requests>(context());
    const page = requestChannel<Requests>(context(3));
    worker.handle({
      fail: () => {
        throw Object.assign(new Error('Storage is full'), { code: 'quota', zh: '存储空间已满', en: 'Storage is full' });
      },
    });
    const error = await page.send('fail').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ code: 'quota', zh: '存储空间已满', en: 'Storage is full' });
  });

  it('say when nobody answers: no context, or none with a handler for the name', async () => {
    const { context } = bus();
    const panel = requestChannel<Requests>(context());
    await expect(panel.sendToTab(9, 'ping')).rejects.toBeInstanceOf(NoAnswerError);
    const tab = requestChannel<Requests>(context(9));
    const stop = tab.handle({ add: ({ a, b }) => a + b });
    await expect(panel.sendToTab(9, 'ping')).rejects.toBeInstanceOf(NoAnswerError);
    await expect(panel.sendToTab(9, 'add', { a: 2, b: 2 })).resolves.toBe(4);
    stop();
    await expect(panel.sendToTab(9, 'add', { a: 2, b: 2 })).rejects.toBeInstanceOf(NoAnswerError);
  });

  it('two scripts of one tab answer their own names (the content script and study mode’s)', async () => {
    const { context } = bus();
    const main = requestChannel<Requests>(context(4));
    const study = requestChannel<Requests>(context(4));
    main.handle({ ping: () => 'main' });
    study.handle({ add: () => 42 });
    const panel = requestChannel<Requests>(context());
    await expect(panel.sendToTab(4, 'ping')).resolves.toBe('main');
    await expect(panel.sendToTab(4, 'add', { a: 0, b: 0 })).resolves.toBe(42);
  });

  it('leave messages that are not Pizhu’s alone', () => {
    const { context, raw } = bus();
    const tab = context(5);
    requestChannel<Requests>(tab).handle({ ping: () => 'pong' });
    eventChannel<Events>(tab).on('bare', () => {
      throw new Error('not reached');
    });
    for (const message of [null, 'ping', { type: 'ping' }, { pizhu: 'other', name: 'ping' }, { pizhu: 'request' }]) {
      expect(raw(5, message)).toEqual([undefined, undefined]);
    }
  });
});

describe('events', () => {
  it('reach every listener, in any context, with no reply', async () => {
    const { context } = bus();
    const seen: string[] = [];
    const panelA = eventChannel<Events>(context());
    const panelB = eventChannel<Events>(context());
    panelA.on('changed', ({ n }, sender) => seen.push(`A${n}@${sender.tabId}`));
    panelA.on('changed', ({ n }) => seen.push(`A'${n}`));
    const off = panelB.on('changed', ({ n }) => seen.push(`B${n}`));
    const page = eventChannel<Events>(context(2));
    await page.emit('changed', { n: 1 });
    off();
    await page.emit('changed', { n: 2 });
    expect(seen).toEqual(['A1@2', "A'1", 'B1', 'A2@2', "A'2"]);
  });

  it('resolve when nobody listens, and a throwing listener does not stop the others', async () => {
    const { context } = bus();
    const lonely = eventChannel<Events>(context(1));
    await expect(lonely.emit('bare')).resolves.toBeUndefined();
    const tab = eventChannel<Events>(context(8));
    const seen: number[] = [];
    tab.on('bare', () => {
      throw new Error('a broken listener');
    });
    tab.on('bare', () => seen.push(1));
    await eventChannel<Events>(context()).emitToTab(8, 'bare');
    expect(seen).toEqual([1]);
  });

  it('reach a tab’s top frame, or with emitToTabFrames every frame of that tab alone', async () => {
    const { context } = bus();
    const seen: string[] = [];
    eventChannel<Events>(context(8)).on('bare', () => seen.push('top'));
    eventChannel<Events>(context(8, { inner: true })).on('bare', () => seen.push('frame'));
    eventChannel<Events>(context(9)).on('bare', () => seen.push('other tab'));
    eventChannel<Events>(context()).on('bare', () => seen.push('extension page'));
    const worker = eventChannel<Events>(context());
    await worker.emitToTab(8, 'bare');
    expect(seen).toEqual(['top']);
    await worker.emitToTabFrames(8, 'bare');
    expect(seen).toEqual(['top', 'top', 'frame']);
  });
});
