import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { quietScriptStart } from './scripts/quiet-script-start.mjs';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports only (from '#imports'): a reader sees where every name comes from, and no local `t` or
  // `storage` is silently bound to a module of ours.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings; sidePanel: the page's lists; contextMenus: "tag the selection"; scripting: study mode's
    // script, injected into a tab only when a panel asks for study mode there;
    // unlimitedStorage: a research team's annotations and page snapshots outgrow the default quota;
    // alarms: a team's sync is started again after the browser stopped the idle worker.
    // (Firefox has a sidebar instead of Chrome's side panel, declared by WXT from the same entrypoint.)
    permissions: ['storage', 'contextMenus', 'unlimitedStorage', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The content script runs on every http(s) page anyway; the same host permission lets the side panel read its
    // tab's URL (to name the site it can turn Pizhu off for) without the broader "tabs" permission.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'tag-selection': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_menuTagSelection__' },
      // Commands allow no bracket keys: on the page itself Alt+[ and Alt+] do the same (annotation-session.ts).
      'previous-annotation': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_commandPreviousAnnotation__' },
      'next-annotation': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_commandNextAnnotation__' },
    },
    // Firefox puts an add-on's button in its Extensions menu unless told otherwise; on the toolbar its badge (the
    // page's kind and count) is seen at a glance, as in Chrome once pinned.
    action: { default_title: '__MSG_extName__', ...(browser === 'firefox' ? { default_area: 'navbar' } : {}) },
    // The tag picker is an extension page shown in a frame on visited pages (messaging/picker.ts). In Chrome it is
    // reachable only under a per-session id (use_dynamic_url), so a page cannot name it; Firefox's extension ids
    // are random per install already.
    web_accessible_resources: [
      {
        resources: ['picker.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Firefox keeps extension storage by add-on id; 140 is its first release with the CSS Custom Highlight API.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'pizhu@pizhu.app', strict_min_version: '140.0' } } } : {}),
  }),
  vite: () => ({
    plugins: [preact(), quietScriptStart()],
  }),
});
