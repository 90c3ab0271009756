// What a panel shows of its tab: one request to the tab's content script, asked again when the tab says it changed.
// Just after a navigation the new page's content script may not listen yet, so a request nobody answers is asked
// again a few times before the page is called one Pizhu cannot run on (a browser page, the web store, a file).
import { useEffect, useState } from 'preact/hooks';
import { events, tabs, type EventProtocol, type TabProtocol } from '../messaging';
import type { TabInfo } from './active-tab';

export type TabState<T> = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; value: T };

type NoDataRequest = { [K in keyof TabProtocol]: Parameters<TabProtocol[K]> extends [] ? K : never }[keyof TabProtocol];

export interface TabRequestOptions {
  /** Events from the tab after which the request is asked again. */
  refreshOn: (keyof EventProtocol)[];
  /** Runs before each ask (e.g. injecting study mode's script); its failure counts as no answer. */
  prepare?: (tabId: number) => Promise<unknown>;
}

/** Asks after no answer: 1 + 4 tries over 2.5 s. */
const RETRY_DELAYS = [250, 500, 750, 1000];

type Reply<K extends keyof TabProtocol> = Awaited<ReturnType<TabProtocol[K]>>;

export function useTabRequest<K extends NoDataRequest>(tab: TabInfo, name: K, options: TabRequestOptions): TabState<Reply<K>> {
  const [state, setState] = useState<TabState<Reply<K>>>({ status: 'loading' });
  // The compiler cannot see that a K without data takes no data argument; NoDataRequest guarantees it.
  const ask = tabs.sendToTab as (tabId: number, name: K) => Promise<Reply<K>>;
  const { refreshOn, prepare } = options;

  useEffect(() => {
    setState({ status: 'loading' });
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = (attempt = 0) => {
      clearTimeout(retry);
      Promise.resolve(prepare?.(tab.id))
        .then(() => ask(tab.id, name))
        .then((value) => live && setState({ status: 'ready', value }))
        .catch(() => {
          if (!live) return;
          if (attempt < RETRY_DELAYS.length) retry = setTimeout(() => load(attempt + 1), RETRY_DELAYS[attempt]);
          else setState({ status: 'unavailable' });
        });
    };
    load();
    const unlisten = refreshOn.map((event) =>
      events.on(event, (_data, sender) => {
        if (sender.tabId === tab.id) load();
      }),
    );
    return () => {
      live = false;
      clearTimeout(retry);
      for (const off of unlisten) off();
    };
    // The events and the preparation are fixed per panel; a new tab or URL asks afresh.
  }, [tab.id, tab.url, name]);

  return state;
}
