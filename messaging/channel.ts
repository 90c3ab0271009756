// Typed messages over an extension's message transport. A protocol is a map from a message's name to a function
// type, `name: (data) => reply`; the compiler then checks both ends: what a sender passes and gets back, and what a
// handler takes and returns. Two kinds of message:
// - requests have exactly one answerer (a handler); the reply comes back, or the answerer's error, rethrown on the
//   sender's side as a RemoteError with its bilingual message;
// - events have any number of listeners and no reply.
// The transport (runtime and tabs messaging, see browser-transport.ts) is injected, so this module imports nothing
// of the browser and its tests run on an in-memory transport.

/** A protocol: message name → (data) => reply. A message without data is `() => Reply`. */
export type Protocol<P> = { [K in keyof P]: (data: never) => unknown };

export type DataOf<P extends Protocol<P>, K extends keyof P> = Parameters<P[K]> extends [] ? undefined : Parameters<P[K]>[0];
export type ReplyOf<P extends Protocol<P>, K extends keyof P> = Awaited<ReturnType<P[K]>>;
/** The arguments after the name: nothing for a message without data. */
type DataArgs<P extends Protocol<P>, K extends keyof P> = Parameters<P[K]> extends [] ? [] : [data: Parameters<P[K]>[0]];

/** Who sent a message: a content script's tab, or an extension page (no tab). */
export interface Sender {
  tabId?: number;
  url?: string;
}

/**
 * How an envelope travels: without a tab, to the extension's pages and worker; with a tab, to that tab's top frame
 * (its content script), or with `allFrames` to every frame of the tab, the extension's own pages shown in it too.
 */
export interface Transport {
  send(envelope: Envelope, tabId?: number, allFrames?: boolean): Promise<unknown>;
  /** `receive` returns a promise of the reply when this context answers the envelope, or undefined when it does not. */
  listen(receive: (envelope: unknown, sender: Sender) => Promise<unknown> | undefined): () => void;
}

export interface Envelope {
  /** Marks Pizhu's messages: anything else on the transport is not ours and is left alone. */
  pizhu: 'request' | 'event';
  name: string;
  data: unknown;
}

interface WireError {
  code: string;
  message: string;
  zh?: string;
  en?: string;
}

type Wire = { ok: true; value: unknown } | { ok: false; error: WireError };

/** An answerer's error, as the sender sees it: the bilingual message survives the trip when there was one. */
export class RemoteError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;

  constructor(error: WireError) {
    super(error.en ?? error.message);
    this.name = 'RemoteError';
    this.code = error.code;
    this.zh = error.zh ?? error.message;
    this.en = error.en ?? error.message;
  }
}

/** No context answered (no content script on the tab, the worker not running): the sender decides what that means. */
export class NoAnswerError extends Error {
  constructor(name: string) {
    super(`No answer to ${name}`);
    this.name = 'NoAnswerError';
  }
}

function toWireError(e: unknown): WireError {
  const error = e as Partial<WireError> & { name?: string };
  return {
    code: typeof error?.code === 'string' ? error.code : (error?.name ?? 'Error'),
    message: e instanceof Error ? e.message : String(e),
    ...(typeof error?.zh === 'string' && typeof error?.en === 'string' ? { zh: error.zh, en: error.en } : {}),
  };
}

const isEnvelope = (x: unknown, kind: Envelope['pizhu']): x is Envelope =>
  typeof x === 'object' && x !== null && (x as Envelope).pizhu === kind && typeof (x as Envelope).name === 'string';

export type RequestHandlers<P extends Protocol<P>> = {
  [K in keyof P]?: (data: DataOf<P, K>, sender: Sender) => ReplyOf<P, K> | Promise<ReplyOf<P, K>>;
};

export interface RequestChannel<P extends Protocol<P>> {
  /** Asks the extension's pages and worker (no tabId) or a tab's content scripts. */
  send<K extends keyof P & string>(name: K, ...data: DataArgs<P, K>): Promise<ReplyOf<P, K>>;
  sendToTab<K extends keyof P & string>(tabId: number, name: K, ...data: DataArgs<P, K>): Promise<ReplyOf<P, K>>;
  /** Answers the named requests in this context; returns the function that stops answering them. */
  handle(handlers: RequestHandlers<P>): () => void;
}

export function requestChannel<P extends Protocol<P>>(transport: Transport): RequestChannel<P> {
  const handlers = new Map<string, (data: unknown, sender: Sender) => unknown>();
  let unlisten: (() => void) | null = null;

  const ask = async (name: string, data: unknown, tabId?: number): Promise<never> => {
    // A transport that throws for "nobody listens" means the same as no answer.
    const wire = (await transport.send({ pizhu: 'request', name, data }, tabId).catch(() => undefined)) as Wire | undefined;
    if (!wire || typeof wire !== 'object' || !('ok' in wire)) throw new NoAnswerError(name);
    if (!wire.ok) throw new RemoteError(wire.error);
    return wire.value as never;
  };

  return {
    send: (name, ...data) => ask(name, data[0]),
    sendToTab: (tabId, name, ...data) => ask(name, data[0], tabId),
    handle(table) {
      const names = Object.keys(table);
      for (const name of names) handlers.set(name, (table as Record<string, (data: unknown, sender: Sender) => unknown>)[name]);
      unlisten ??= transport.listen((envelope, sender) => {
        if (!isEnvelope(envelope, 'request')) return undefined;
        const handler = handlers.get(envelope.name);
        // Not ours to answer: another context (or another script in this one) may be the answerer.
        if (!handler) return undefined;
        return (async (): Promise<Wire> => {
          try {
            return { ok: true, value: await handler(envelope.data, sender) };
          } catch (e) {
            return { ok: false, error: toWireError(e) };
          }
        })();
      });
      return () => {
        for (const name of names) handlers.delete(name);
        if (handlers.size === 0) {
          unlisten?.();
          unlisten = null;
        }
      };
    },
  };
}

/** Events carry data only: the map's replies are void. */
export type EventMap<E> = { [K in keyof E]: (data: never) => void };

export interface EventChannel<E extends EventMap<E>> {
  /** To the extension's pages and worker; resolves whether or not anyone listened. */
  emit<K extends keyof E & string>(name: K, ...data: DataArgs<E, K>): Promise<void>;
  emitToTab<K extends keyof E & string>(tabId: number, name: K, ...data: DataArgs<E, K>): Promise<void>;
  /** To every frame of a tab: its content script and the extension's own pages shown in it (the tag picker's frame). */
  emitToTabFrames<K extends keyof E & string>(tabId: number, name: K, ...data: DataArgs<E, K>): Promise<void>;
  /** Any number of listeners, in any context; returns the function that removes this one. */
  on<K extends keyof E & string>(name: K, listener: (data: DataOf<E, K>, sender: Sender) => void): () => void;
}

export function eventChannel<E extends EventMap<E>>(transport: Transport): EventChannel<E> {
  const listeners = new Map<string, Set<(data: unknown, sender: Sender) => void>>();
  let unlisten: (() => void) | null = null;

  // Nobody listening (no panel open, the worker asleep) is the normal case for an event, not an error.
  const post = (name: string, data: unknown, tabId?: number, allFrames?: boolean) =>
    transport.send({ pizhu: 'event', name, data }, tabId, allFrames).then(() => undefined, () => undefined);

  return {
    emit: (name, ...data) => post(name, data[0]),
    emitToTab: (tabId, name, ...data) => post(name, data[0], tabId),
    emitToTabFrames: (tabId, name, ...data) => post(name, data[0], tabId, true),
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const entry = listener as (data: unknown, sender: Sender) => void;
      set.add(entry);
      unlisten ??= transport.listen((envelope, sender) => {
        if (!isEnvelope(envelope, 'event')) return undefined;
        for (const l of listeners.get(envelope.name) ?? []) {
          try {
            l(envelope.data, sender);
          } catch (e) {
            console.warn(`[Pizhu] listener of ${envelope.name}:`, e);
          }
        }
        return undefined;
      });
      return () => {
        set.delete(entry);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          unlisten?.();
          unlisten = null;
        }
      };
    },
  };
}
