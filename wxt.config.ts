import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
    },
    action: { default_title: '__MSG_extName__' },
    // Firefox keeps extension storage by add-on id; 140 is its first release with the CSS Custom Highlight API.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'pizhu@pizhu.app', strict_min_version: '140.0' } } } : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
