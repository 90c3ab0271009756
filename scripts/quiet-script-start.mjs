// A build-time fix to WXT 0.21.0's content script context, in the manner of pouchdb-validation-fix.mjs: one statement
// taken out, and a build that no longer finds it stops, to be looked at.
//
// When a content script starts, WXT tells older copies of itself (left on a tab by an update) to stop, twice: with a
// CustomEvent on the document, which every WXT 0.21 script listens for, and with window.postMessage, kept for
// scripts of WXT before 0.20. Pizhu was never built with those. The postMessage goes to the page: every site's
// message listeners were told that Pizhu is there, with its extension id ("<id>:content:wxt:content-script-started"),
// and a listener that answers every message can loop on it. And sent from a content script's world in a fresh
// renderer process, it took 7.6 ms of each page's load (median of 24 visits; performance marks around the call),
// more than a small report's whole scan. WXT 0.21.2 has an option for this (noScriptStartedPostMessage) but needs
// Node 22; with it, this plugin goes.
import path from 'node:path';

const file = path.join('wxt', 'dist', 'utils', 'content-script-context.mjs');
const statement = /\n\s*window\.postMessage\(\{\s*type: ContentScriptContext\.SCRIPT_STARTED_MESSAGE_TYPE,[^}]*\}, "\*"\);/;

/** A Vite plugin: WXT's content script context without its postMessage to the page. */
export function quietScriptStart() {
  return {
    name: 'pizhu:quiet-script-start',
    enforce: 'pre',
    transform(code, id) {
      if (!path.normalize(id.split('?')[0]).endsWith(file)) return null;
      if (!statement.test(code)) {
        throw new Error(`quiet-script-start: ${id} changed; check whether WXT still posts its start to the page`);
      }
      return { code: code.replace(statement, ''), map: null };
    },
  };
}
