// Where Pizhu's own UI on a page lives: one closed shadow root on a plain <div>, added at the end of <html> when first
// needed. A closed root gives the page no way in (element.shadowRoot is null, queries stop at the host), and a <div>
// is an element no page can pre-empt, as it can a custom element name it defines first (its constructor may attach a
// shadow root of its own, or disable shadow roots, and then ours cannot be attached). The host's inline !important
// style outranks any rule of the page, so no page stylesheet hides or moves it.

const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'visibility: visible',
  'opacity: 1',
  'pointer-events: auto',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

let host: HTMLDivElement | null = null;
let root: ShadowRoot | null = null;
const layers = new Map<string, HTMLElement>();

function shadow(): ShadowRoot {
  if (!host || !root) {
    host = document.createElement('div');
    root = host.attachShadow({ mode: 'closed' });
    host.setAttribute('style', HOST_STYLE);
  }
  // A page that rebuilds its document may have taken the host out: put it back.
  if (!host.isConnected) document.documentElement.append(host);
  return root;
}

/** The container of one layer of UI (`name`), with its stylesheet, made on first use inside the closed root. */
export function guestLayer(name: string, css: string): HTMLElement {
  const root = shadow();
  let layer = layers.get(name);
  if (!layer) {
    const style = document.createElement('style');
    style.textContent = css;
    layer = document.createElement('div');
    layer.className = name;
    root.append(style, layer);
    layers.set(name, layer);
  }
  return layer;
}

/** Whether `element` is the host of Pizhu's UI (the page's activeElement while focus is inside it). */
export function isGuestHost(element: Element | null): boolean {
  return !!element && element === host;
}

/** Takes Pizhu's UI off the page (the extension was reloaded or removed: this content script is done). */
export function removeGuestRoot(): void {
  host?.remove();
  host = null;
  root = null;
  layers.clear();
}
