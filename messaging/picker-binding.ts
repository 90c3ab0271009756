// The frame's side of the picker handshake (see picker.ts): it binds to the first port offered with a key it also
// heard from the extension, and to nothing else. Offers and keys are kept in small bounded sets until they meet, in
// whichever order they arrive; a page may offer ports all day, it fills a set of eight and is never bound.

const LIMIT = 8;

export interface PortBinder {
  /** A key heard from a content script through the extension's messaging. */
  hear(key: string): void;
  /** A port offered through window.postMessage, by anyone. */
  offer(key: string, port: MessagePort): void;
  readonly bound: boolean;
}

function remember<T>(map: Map<string, T>, key: string, value: T, drop?: (value: T) => void): void {
  map.set(key, value);
  if (map.size <= LIMIT) return;
  const [oldest, old] = map.entries().next().value!;
  map.delete(oldest);
  drop?.(old);
}

export function portBinder(onBound: (port: MessagePort) => void): PortBinder {
  const keys = new Map<string, true>();
  const offers = new Map<string, MessagePort>();
  let bound = false;
  const tryBind = (key: string) => {
    const port = offers.get(key);
    if (bound || !port || !keys.has(key)) return;
    bound = true;
    offers.delete(key);
    for (const other of offers.values()) other.close();
    offers.clear();
    keys.clear();
    onBound(port);
  };
  return {
    hear(key) {
      if (bound) return;
      remember(keys, key, true);
      tryBind(key);
    },
    offer(key, port) {
      if (bound) {
        port.close();
        return;
      }
      remember(offers, key, port, (old) => old.close());
      tryBind(key);
    },
    get bound() {
      return bound;
    },
  };
}
