// The content script's side of the picker frame: makes the <iframe> (in the closed shadow root), hands it a port with
// a key sent by the extension's own messaging (messaging/picker.ts), and passes messages both ways. The frame is
// made once, in advance (when a passage is first selected), and hidden between uses.
import { browser } from '#imports';
import { t } from '../../components/i18n';
import { background } from '../../messaging';
import { PICKER_PAGE, type FromPicker, type PickerOffer, type ToPicker } from '../../messaging/picker';
import { randomUuid } from '../../model';

export interface PickerFrame {
  readonly element: HTMLIFrameElement | null;
  /** Makes the frame (hidden) if it is not there yet, so that the first picker opens without waiting for it. */
  preload(): void;
  send(message: ToPicker): void;
}

const HANDSHAKE_RETRY_MS = 1500;

export function pickerFrame(parent: () => HTMLElement, onMessage: (message: FromPicker) => void): PickerFrame {
  let iframe: HTMLIFrameElement | null = null;
  let port: MessagePort | null = null;
  let ready = false;
  let queue: ToPicker[] = [];
  let retry = 0;

  const reset = () => {
    port?.close();
    port = null;
    ready = false;
    clearTimeout(retry);
    iframe?.remove();
    iframe = null;
  };

  const handshake = async (frame: HTMLIFrameElement, origin: string) => {
    const key = randomUuid();
    const channel = new MessageChannel();
    port?.close();
    port = channel.port1;
    port.onmessage = (e) => {
      const message = e.data as FromPicker;
      if (message.type === 'ready') {
        ready = true;
        clearTimeout(retry);
        for (const queued of queue) port!.postMessage(queued);
        queue = [];
      } else onMessage(message);
    };
    // The key first (the frame keeps it), then the port: the offer finds its key waiting whatever else arrives. Should
    // the key not get through (the background unreachable), the offer goes unanswered and the retry tries again.
    await background.send('picker:key', { key }).catch(() => {});
    if (frame !== iframe) return;
    const offer: PickerOffer = { pizhu: 'picker-port', key };
    // Delivered only if the frame still holds our page (targetOrigin), never to a page it was navigated to.
    frame.contentWindow?.postMessage(offer, origin, [channel.port2]);
    retry = window.setTimeout(() => frame === iframe && !ready && void handshake(frame, origin), HANDSHAKE_RETRY_MS);
  };

  const create = () => {
    const frame = document.createElement('iframe');
    const src = browser.runtime.getURL(PICKER_PAGE);
    // Chrome hands out the page under a per-session id (use_dynamic_url), but the document it loads has the
    // extension's own origin, which is where the port may go. Firefox's URL carries its origin as is.
    const url = new URL(src);
    const origin = url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
    frame.className = 'picker-frame';
    frame.title = t('pickerTitle');
    let loads = 0;
    frame.addEventListener('load', (e) => {
      if (!e.isTrusted || frame !== iframe) return;
      // Our page loads once. A second load means the frame was navigated (or taken out of the document and put
      // back): whatever is in it now is not ours. Start again with a fresh frame.
      if (++loads > 1) {
        const pending = queue;
        reset();
        queue = pending;
        create();
        return;
      }
      void handshake(frame, origin);
    });
    frame.src = src;
    iframe = frame;
    parent().append(frame);
  };

  return {
    get element() {
      return iframe;
    },
    preload() {
      if (!iframe || !iframe.isConnected) {
        reset();
        create();
      }
    },
    send(message) {
      this.preload();
      if (ready && port) port.postMessage(message);
      else if (message.type === 'show' || message.type === 'hide') queue = [message];
      else queue.push(message);
    },
  };
}
