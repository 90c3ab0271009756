import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
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
