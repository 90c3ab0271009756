// Study mode's messages, panel → content script, and the content script's side of them. Kept apart from
// messaging/protocol.ts so that study mode can grow without touching the recognition messages; the panel imports
// the types only (`import type`), so none of the page code below ends up in the panel's bundle.
import type { ScanResult } from '../page/scan';
import {
  cachedStudyOf, clearOutline, drawOutline, revealSpan, type CitedEntry, type ExplainedNumber, type StudyView,
} from '../entrypoints/content/study-session';

export type { CitedEntry, ExplainedNumber, StudyView };

export type StudyRequest =
  /** → StudyView, or null when Pizhu is off on the site. */
  | { type: 'pizhu:study:get' }
  /** Draw the outline on the page, or take it off. → the number of parts drawn. */
  | { type: 'pizhu:study:draw'; on: boolean }
  /** Scroll the page to text[start, end) of the scan's text. → whether it could. */
  | { type: 'pizhu:study:reveal'; start: number; end: number };

/** What study mode needs of the content script's recognition session. */
export interface StudyHost {
  scan: ScanResult;
}

const TYPES = new Set<string>(['pizhu:study:get', 'pizhu:study:draw', 'pizhu:study:reveal']);

export function isStudyRequest(message: unknown): message is StudyRequest {
  return typeof message === 'object' && message !== null && TYPES.has((message as { type?: unknown }).type as string);
}

/** The answer to one study request; with no session (Pizhu off on the site) there is nothing to study. */
export function answerStudy(message: StudyRequest, session: StudyHost | null): StudyView | number | boolean | null {
  if (!session) {
    if (message.type === 'pizhu:study:draw') clearOutline();
    return message.type === 'pizhu:study:get' ? null : message.type === 'pizhu:study:draw' ? 0 : false;
  }
  const { scan } = session;
  switch (message.type) {
    case 'pizhu:study:get':
      return cachedStudyOf(scan);
    case 'pizhu:study:draw':
      return drawOutline(scan.layout.map, cachedStudyOf(scan), message.on);
    case 'pizhu:study:reveal':
      return revealSpan(scan.layout.map, message.start, message.end);
  }
}

/**
 * For the content script's onMessage listener: answers a study request and returns true (the listener returns
 * true too, keeping the channel open), or returns false for any other message. `session` may be a promise of
 * the session, for a panel that asks while the page is still being read: the answer comes when the scan is done.
 */
export function handleStudyMessage(
  message: unknown,
  session: StudyHost | null | PromiseLike<StudyHost | null>,
  sendResponse: (response: unknown) => void,
): boolean {
  if (!isStudyRequest(message)) return false;
  const answer = (s: StudyHost | null) => {
    try {
      sendResponse(answerStudy(message, s));
    } catch (e) {
      // A failure to study a page must not leave the panel waiting for ever; null shows it as nothing to study.
      console.warn('[Pizhu] study mode:', e);
      sendResponse(null);
    }
  };
  if (session && typeof (session as PromiseLike<unknown>).then === 'function') {
    (session as PromiseLike<StudyHost | null>).then(answer, () => answer(null));
  } else {
    answer(session as StudyHost | null);
  }
  return true;
}
