import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports only (from '#imports'): a reader sees where every name comes from, and no local `t` or
  // `storage` is silently bound to a module of ours.
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings; sidePanel: the page's lists; contextMenus: "tag the selection";
    // unlimitedStorage: a research team's annotations and page snapshots outgrow the default quota.
    permissions: ['storage', 'sidePanel', 'contextMenus', 'unlimitedStorage'],
    // The content script runs on every http(s) page anyway; the same host permission lets the side panel read its
    // tab's URL (to name the site it can turn Pizhu off for) without the broader "tabs" permission.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'tag-selection': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_menuTagSelection__' },
    },
    action: { default_title: '__MSG_extName__' },
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
