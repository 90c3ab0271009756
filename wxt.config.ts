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
    // storage: settings; sidePanel: the page's list; contextMenus: "tag selection"; activeTab+scripting: none needed
    permissions: ['storage', 'sidePanel', 'contextMenus'],
    action: { default_title: '__MSG_extName__' },
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
