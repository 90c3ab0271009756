import './highlights.css';
import './study.css';
import { browser, defineContentScript } from '#imports';
import type { AnnotationRequest, TagSelectionCommand } from '../../messaging/annotations';
import type { TabRequest } from '../../messaging/protocol';
import { handleStudyMessage } from '../../messaging/study';
import { removeGuestRoot } from '../../page/guest-root';
import { watchLateContent } from '../../page/late-content';
import { isSiteDisabled, settingsItem } from '../../storage/settings';
import { startAnnotations, type AnnotationSession } from './annotation-session';
import { reportScan, startRecognition, type RecognitionSession } from './recognition-session';
import { clearOutline } from './study-session';

type Message = TabRequest | AnnotationRequest | TagSelectionCommand;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // XML documents, feeds and the like have no body: nothing to read there.
    if (!document.body) return;
    const host = location.hostname;
    let settings = await settingsItem.getValue();
    let recognition: RecognitionSession | null = null;
    let annotations: AnnotationSession | null = null;
    let starting: Promise<void> | null = null;
    let unwatchLate: (() => void) | undefined;
    // Readings after the first, for pages whose article came late: a few at most, whatever the page does.
    let rereadings = 0;

    // Bumped by stop(): a reading that was running when Pizhu was turned off for the site knows it is stale.
    let stops = 0;

    const start = () => {
      const mine = stops;
      starting ??= (async () => {
        recognition = await startRecognition(ctx, settings.categories);
        reportScan(recognition.status);
        annotations = await startAnnotations(ctx, recognition.scan).catch((e) => {
          // Recognition stands on its own: a page keeps its highlights when the database cannot be reached.
          console.warn('[Pizhu] annotations unavailable:', e);
          return null;
        });
        if (mine === stops && recognition.status.kind === 'none' && rereadings < 3) {
          unwatchLate = watchLateContent(document.body, () => {
            rereadings++;
            stop();
            void start();
          });
        }
      })();
      return starting;
    };
    const stop = () => {
      stops++;
      unwatchLate?.();
      unwatchLate = undefined;
      recognition?.stop();
      annotations?.stop();
      clearOutline();
      recognition = annotations = null;
      starting = null;
      delete document.documentElement.dataset.pizhuKind;
      reportScan(null);
    };

    const answer = (message: Message): unknown => {
      switch (message.type) {
        case 'pizhu:get-summary':
          return recognition?.summary() ?? null;
        case 'pizhu:reveal':
          return recognition?.reveal(message.index) ?? false;
        case 'pizhu:get-rows':
          return recognition?.rows() ?? null;
        case 'pizhu:annotations:list':
          return annotations?.list() ?? null;
        case 'pizhu:annotations:reveal':
          return annotations?.reveal(message.id) ?? false;
        case 'pizhu:tag-selection':
          annotations?.tagSelection();
          return true;
      }
    };
    // Listening before the first scan starts: a panel may ask as soon as the page announces itself.
    browser.runtime.onMessage.addListener((message: Message, _sender, sendResponse) => {
      if (handleStudyMessage(message, starting?.then(() => recognition) ?? null, sendResponse)) return true;
      // A panel opened while the page is still being read gets its answer when the reading is done.
      if (starting && !annotations) {
        void starting.then(() => sendResponse(answer(message)));
        return true;
      }
      sendResponse(answer(message));
      return undefined;
    });

    if (isSiteDisabled(settings, host)) reportScan(null);
    else await start();

    const unwatch = settingsItem.watch((next) => {
      settings = next;
      const disabled = isSiteDisabled(next, host);
      if (disabled && starting) stop();
      else if (!disabled && !starting) void start();
      else recognition?.setSwitches(next.categories);
    });
    ctx.onInvalidated(() => {
      removeGuestRoot();
      unwatch();
      unwatchLate?.();
    });
  },
});
