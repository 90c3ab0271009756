// First: the clock of the script's top level starts before any other module runs.
import { scriptStarted } from './script-start';
import './highlights.css';
import './study.css';
import { defineContentScript } from '#imports';
import { background, events, tabs } from '../../messaging';
import { removeGuestRoot } from '../../page/guest-root';
import { watchLateContent } from '../../page/late-content';
import { publishScan } from '../../page/scan-handoff';
import { settled } from '../../page/slices';
import { clearOutline } from '../../page/study-drawing';
import { normalizeUrl } from '../../anchoring/url';
import { DEFAULT_SETTINGS, isSiteDisabled, pageKindOf, type Settings } from '../../model';
import { startAnnotations, type AnnotationSession } from './annotation-session';
import { reportScan, startRecognition, type RecognitionSession } from './recognition-session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    performance.measure('pizhu:init', { start: scriptStarted });
    // XML documents, feeds and the like have no body: nothing to read there.
    if (!document.body) return;
    const host = location.hostname;
    // The kind the reader set for this page is looked up by its normalised URL, as its annotations are.
    const kindSet = () => pageKindOf(settings, normalizeUrl(location.href));
    // The background holds the switches; a page opened while it cannot answer is read with the defaults.
    let settings: Settings = await background.send('settings:get').catch(() => DEFAULT_SETTINGS);
    let recognition: RecognitionSession | null = null;
    let annotations: AnnotationSession | null = null;
    let starting: Promise<void> | null = null;
    // The first reading waits for the page to settle: a panel that asks meanwhile is answered after that reading.
    let settling: Promise<void> = Promise.resolve();
    let unwatchLate: (() => void) | undefined;
    // Readings after the first, for pages whose article came late: a few at most, whatever the page does.
    let rereadings = 0;

    // Bumped by stop(): a reading that was running when Pizhu was turned off for the site knows it is stale.
    let stops = 0;

    const start = () => {
      const mine = stops;
      starting ??= (async () => {
        recognition = await startRecognition(ctx, settings.categories, kindSet());
        reportScan(recognition.status);
        annotations = await startAnnotations(ctx, recognition.scan, settings.coders).catch((e) => {
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

    // A panel that asks while the page is still being read gets its answer when the reading is done.
    const ready = async () => {
      await settling;
      await starting;
      return { recognition, annotations };
    };
    // The annotations of the page, for a change a panel asks for: none while Pizhu is off on the site.
    const session = async () => {
      const { annotations } = await ready();
      if (!annotations) throw Object.assign(new Error('Pizhu is off on this site.'), { zh: '批注在这个网站上已关闭。', en: 'Pizhu is off on this site.' });
      return annotations;
    };
    // Study mode's script, injected when a panel first asks for it, reads the scan from here.
    publishScan(async () => (await ready()).recognition?.scan ?? null);
    // Listening before the first scan starts: a panel may ask as soon as the page announces itself.
    tabs.handle({
      'scan:summary': async () => (await ready()).recognition?.summary() ?? null,
      'scan:reveal': async ({ index }) => (await ready()).recognition?.reveal(index) ?? false,
      'scan:rows': async () => (await ready()).recognition?.rows() ?? null,
      'annotations:list': async () => (await ready()).annotations?.list() ?? null,
      'annotations:reveal': async ({ id }) => (await ready()).annotations?.reveal(id) ?? false,
      'annotations:page-note': async ({ note }) => {
        const { annotations } = await ready();
        if (!annotations) throw new Error('Pizhu is off on this site');
        return annotations.setPageNote(note);
      },
      'annotations:step': async ({ step }) => (await ready()).annotations?.step(step) ?? false,
      'annotations:edit': async ({ id, terms, note }) => (await session()).edit(id, terms, note),
      'annotations:remove': async ({ id }) => (await ready()).annotations?.remove(id) ?? false,
      'annotations:undo-remove': async ({ id }) => (await ready()).annotations?.undoRemove(id) ?? false,
      'annotations:attach': async ({ id }) => (await session()).attach(id),
      'annotations:tag-selection': async () => {
        (await ready()).annotations?.tagSelection();
        return true;
      },
    });

    // Listening before the first reading: a change of settings while the page settles is not lost.
    const unwatch = events.on('settings:changed', (next) => {
      const kindBefore = kindSet();
      settings = next;
      const disabled = isSiteDisabled(next, host);
      if (disabled && starting) stop();
      else if (!disabled && !starting) void start();
      else if (kindSet() !== kindBefore) {
        // The reader said what this page is (or gave it back to the classifier): read it again as that.
        stop();
        void start();
      } else {
        recognition?.setSwitches(next.categories);
        annotations?.setCoders(next.coders);
      }
    });
    ctx.onInvalidated(() => {
      removeGuestRoot();
      unwatch();
      unwatchLate?.();
    });

    if (isSiteDisabled(settings, host)) reportScan(null);
    else {
      // The page's own loading first: the scan waits until the page has settled (its first frames drawn), half a
      // second at most for each of the waits. The reader may turn Pizhu off for the site meanwhile (the listener
      // above has nothing to stop yet), or start a reading by saying what the page is (start() then joins it).
      settling = settled(500);
      await settling;
      if (!isSiteDisabled(settings, host)) await start();
    }
  },
});
