import './highlights.css';
import { browser, defineContentScript } from '#imports';
import type { TabRequest } from '../../messaging/protocol';
import { isSiteDisabled, settingsItem } from '../../storage/settings';
import { reportScan, startRecognition, type RecognitionSession } from './recognition-session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const host = location.hostname;
    let settings = await settingsItem.getValue();
    let session: RecognitionSession | null = null;
    let starting: Promise<void> | null = null;

    const start = () => {
      starting ??= startRecognition(ctx, settings.categories).then((s) => {
        session = s;
        reportScan(s.status);
      });
      return starting;
    };
    const stop = () => {
      session?.stop();
      session = null;
      starting = null;
      delete document.documentElement.dataset.pizhuKind;
      reportScan(null);
    };

    if (isSiteDisabled(settings, host)) reportScan(null);
    else await start();

    const unwatch = settingsItem.watch((next) => {
      settings = next;
      const disabled = isSiteDisabled(next, host);
      if (disabled && (session || starting)) stop();
      else if (!disabled && !starting) void start();
      else session?.setSwitches(next.categories);
    });
    ctx.onInvalidated(unwatch);

    browser.runtime.onMessage.addListener((message: TabRequest, _sender, sendResponse) => {
      if (message.type === 'pizhu:get-summary') {
        // A panel opened while the scan runs gets the answer when the scan is done.
        if (!session && starting) {
          void starting.then(() => sendResponse(session?.summary() ?? null));
          return true;
        }
        sendResponse(session?.summary() ?? null);
      } else if (message.type === 'pizhu:reveal') {
        sendResponse(session?.reveal(message.index) ?? false);
      }
      return undefined;
    });
  },
});
