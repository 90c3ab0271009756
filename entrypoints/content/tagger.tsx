// The tagging layer: a small button by the selection and toasts, in Pizhu's closed shadow root, and the tag picker in a
// frame of the extension's own origin (picker-frame.ts), so that nothing typed there passes through the page. The
// picker is placed beside the passage and inside the viewport, from the size it reports; the passage stays marked
// while it is open (focus is in the frame, and the page's own selection fades); Escape gives focus back.
import { render } from 'preact';
import type { ContentScriptContext } from '#imports';
import { t } from '../../components/i18n';
import taggerCss from '../../components/tagger.css?inline';
import type { FromPicker, PickerChoices, PickerView } from '../../messaging/picker';
import { markPending } from '../../page/annotation-paint';
import { guestLayer, isGuestHost } from '../../page/guest-root';
import { placeBeside, type Side } from '../../page/placement';
import { pickerFrame } from './picker-frame';

export interface Toast {
  message: string;
  error?: boolean;
  action?: { label: string; run(): void };
}

/** What the picker's choices do on this page (times on this page's clock). */
export type PickerHandlers = PickerChoices;

export interface TaggerLayer {
  showButton(at: DOMRect, onClick: () => void): void;
  hideButton(): void;
  /** Opens the picker for `passage` (view.passage names it), or updates it, keeping its place, filter and focus. */
  openPicker(passage: Range, view: PickerView, handlers: PickerHandlers): void;
  /** Shows why the last change in the open picker failed. */
  pickerError(message: string): void;
  closePicker(): void;
  readonly pickerOpen: boolean;
  toast(toast: Toast): void;
}

interface Picker {
  passage: Range;
  view: PickerView;
  handlers: PickerHandlers;
  /** The size the frame reported: null until it has, and the frame stays hidden until then. */
  size: { width: number; height: number; minHeight: number } | null;
  fit: number;
  /** The side of the passage it was placed on, kept while it fits. */
  side?: Side;
  /** Where focus was before the picker took it, to give it back. */
  returnTo: Element | null;
}

const viewport = () =>
  document.compatMode === 'CSS1Compat'
    ? { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }
    : { width: innerWidth, height: innerHeight };

export function taggerLayer(ctx: ContentScriptContext): TaggerLayer {
  let button: { at: DOMRect; onClick(): void } | undefined;
  let toast: Toast | undefined;
  let picker: Picker | undefined;
  let toastTimer = 0;
  let uiRoot: HTMLElement | null = null;

  const layer = () => {
    const container = guestLayer('tagger', taggerCss);
    if (!uiRoot || uiRoot.parentNode !== container) {
      uiRoot = document.createElement('div');
      container.append(uiRoot);
    }
    return container;
  };

  const frame = pickerFrame(layer, (message: FromPicker) => {
    if (!picker) return; // a late message from a picker already closed (a blur as it went away)
    const { handlers } = picker;
    const here = (at: number) => at - performance.timeOrigin;
    switch (message.type) {
      case 'size':
        if (message.passage !== picker.view.passage) return;
        picker.size = { width: message.width, height: message.height, minHeight: message.minHeight };
        place();
        return;
      case 'apply':
        return handlers.onApply(message.termId, here(message.at));
      case 'remove':
        return handlers.onRemove(message.termId);
      case 'note':
        return handlers.onNote(message.note);
      case 'add-term':
        return handlers.onAddTerm(message.label, here(message.at));
      case 'delete':
        return handlers.onDelete();
      case 'close':
        return handlers.onClose();
    }
  });

  function place(): void {
    const element = frame.element;
    if (!picker?.size || !element) return;
    const rect = picker.passage.getBoundingClientRect();
    const spot = placeBeside(rect, picker.size, viewport(), { keep: picker.side });
    picker.side = spot.side;
    Object.assign(element.style, { left: `${spot.left}px`, top: `${spot.top}px`, width: `${spot.width}px`, height: `${spot.height}px` });
    if (spot.height !== picker.fit) {
      picker.fit = spot.height;
      frame.send({ type: 'fit', height: spot.height });
    }
    if (!element.classList.contains('open')) {
      element.classList.add('open');
      element.focus();
    }
  }

  let placing = 0;
  const placeSoon = () => {
    if (picker && !placing) placing = requestAnimationFrame(() => ((placing = 0), place()));
  };
  ctx.addEventListener(window, 'scroll', placeSoon, { passive: true, capture: true });
  ctx.addEventListener(window, 'resize', placeSoon, { passive: true });

  const trusted = (handler: () => void) => (e: Event) => {
    if (e.isTrusted) handler();
  };

  const draw = () => {
    layer();
    render(
      <>
        {button && !picker && (
          <button
            type="button"
            class="tag-button"
            style={{ left: `${Math.min(button.at.right + 4, innerWidth - 70)}px`, top: `${Math.max(4, button.at.top - 30)}px` }}
            onMouseDown={(e) => e.preventDefault() /* keep the page's selection */}
            onClick={trusted(button.onClick)}
          >
            {t('tagButton')}
          </button>
        )}
        {toast && (
          <div class={toast.error ? 'toast error' : 'toast'} role="status">
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                onClick={trusted(() => {
                  toast!.action!.run();
                  toast = undefined;
                  draw();
                })}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        )}
      </>,
      uiRoot!,
    );
  };

  return {
    showButton(at, onClick) {
      button = { at, onClick };
      draw();
      frame.preload();
    },
    hideButton() {
      if (!button) return;
      button = undefined;
      draw();
    },
    openPicker(passage, view, handlers) {
      if (picker?.view.passage === view.passage) {
        picker.view = view;
        picker.handlers = handlers;
      } else {
        const active = document.activeElement;
        picker = { passage, view, handlers, size: null, fit: 0, returnTo: active && active !== document.body && !isGuestHost(active) ? active : null };
        frame.element?.classList.remove('open');
        markPending(passage);
      }
      button = undefined;
      draw();
      frame.send({ type: 'show', view });
    },
    pickerError(message) {
      if (picker) frame.send({ type: 'error', message });
    },
    closePicker() {
      if (!picker) return;
      const { returnTo } = picker;
      picker = undefined;
      markPending(null);
      frame.send({ type: 'hide' });
      const element = frame.element;
      if (element) {
        // Focus goes back where it was, or to the page: keys typed next are the page's again.
        element.blur();
        element.classList.remove('open');
        element.style.height = '0px';
      }
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus({ preventScroll: true });
      draw();
    },
    get pickerOpen() {
      return !!picker;
    },
    toast(next) {
      toast = next;
      draw();
      clearTimeout(toastTimer);
      toastTimer = ctx.setTimeout(() => {
        toast = undefined;
        draw();
      }, next.error ? 12000 : 8000);
    },
  };
}
