// The channels every part of the extension talks through, over runtime and tabs messaging (see protocol.ts for what
// each message carries, channel.ts for how the two ends are checked).
import { browser } from '#imports';
import { eventChannel, requestChannel, type Transport } from './channel';
import type { BackgroundProtocol, EventProtocol, TabProtocol } from './protocol';

const browserTransport: Transport = {
  async send(envelope, tabId, allFrames) {
    try {
      // Panels speak to the page's own frame; frames inside it run no content script of ours (see README), and the
      // extension's own frames in it hear only what is sent to every frame.
      if (tabId === undefined) return await browser.runtime.sendMessage(envelope);
      return allFrames
        ? await browser.tabs.sendMessage(tabId, envelope)
        : await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 });
    } catch {
      // "Receiving end does not exist": no content script on the tab, or no page or worker listening.
      return undefined;
    }
  },
  listen(receive) {
    const listener = (message: unknown, sender: { tab?: { id?: number }; url?: string }, sendResponse: (r: unknown) => void) => {
      const reply = receive(message, { tabId: sender.tab?.id, url: sender.url });
      if (!reply) return false;
      void reply.then(sendResponse);
      return true; // the reply comes asynchronously
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};

/** Requests the background answers. */
export const background = requestChannel<BackgroundProtocol>(browserTransport);
/** Requests a tab's content script answers (sendToTab). */
export const tabs = requestChannel<TabProtocol>(browserTransport);
export const events = eventChannel<EventProtocol>(browserTransport);

/** Tells every tab's content script; for changes made outside any tab (the library, sync, settings). */
export async function emitToAllTabs<K extends keyof EventProtocol & string>(name: K, ...data: Parameters<EventProtocol[K]>): Promise<void> {
  const all = await browser.tabs.query({});
  const emit = events.emitToTab as (tabId: number, name: K, ...data: Parameters<EventProtocol[K]>) => Promise<void>;
  await Promise.all(all.map((tab) => (tab.id === undefined ? undefined : emit(tab.id, name, ...data))));
}

export type * from './protocol';
export { NoAnswerError, RemoteError } from './channel';
export type { Sender } from './channel';
