/** A Vite plugin: WXT's content script context without its postMessage to the page. */
export function quietScriptStart(): {
  name: string;
  enforce: 'pre';
  transform(code: string, id: string): { code: string; map: null } | null;
};
