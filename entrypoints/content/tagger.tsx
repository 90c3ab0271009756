// The tagging layer: a small button by the selection, the tag picker and toasts, in one shadow root mounted on
// first use. Keyboard events stay inside it (isolateEvents), so typing in the picker never reaches the page.
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { t } from '../../components/i18n';
import { TagPicker, type TagPickerProps } from '../../components/TagPicker';
import taggerCss from '../../components/tagger.css?inline';

export interface Toast {
  message: string;
  error?: boolean;
  action?: { label: string; run(): void };
}

export interface TaggerLayer {
  showButton(at: DOMRect, onClick: () => void): void;
  hideButton(): void;
  /** Opens or updates the picker; `passage` names the passage, so that an update keeps the picker's filter and focus. */
  openPicker(at: DOMRect, props: TagPickerProps, passage: string): void;
  closePicker(): void;
  readonly pickerOpen: boolean;
  toast(toast: Toast): void;
}

interface State {
  button?: { at: DOMRect; onClick(): void };
  picker?: { at: DOMRect; props: TagPickerProps; passage: string };
  toast?: Toast;
}

const PICKER_WIDTH = 340;
const PICKER_HEIGHT = 420;

export function taggerLayer(ctx: ContentScriptContext): TaggerLayer {
  const state: State = {};
  let container: HTMLElement | null = null;
  let mounting: Promise<void> | null = null;
  let toastTimer = 0;

  const draw = () => {
    if (!container) {
      mounting ??= createShadowRootUi(ctx, {
        name: 'pizhu-tagger',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: taggerCss,
        isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup'],
        onMount(ui) {
          container = ui;
          draw();
        },
      }).then((ui) => ui.mount());
      return;
    }
    const { button, picker, toast } = state;
    const pickerLeft = picker ? Math.max(8, Math.min(picker.at.left, window.innerWidth - PICKER_WIDTH - 8)) : 0;
    const pickerTop = picker
      ? picker.at.bottom + 8 + PICKER_HEIGHT < window.innerHeight
        ? picker.at.bottom + 8
        : Math.max(8, picker.at.top - PICKER_HEIGHT - 8)
      : 0;
    render(
      <div class="layer">
        {button && !picker && (
          <button
            type="button"
            class="tag-button"
            style={{ left: `${Math.min(button.at.right + 4, window.innerWidth - 70)}px`, top: `${Math.max(4, button.at.top - 30)}px` }}
            onMouseDown={(e) => e.preventDefault() /* keep the page's selection */}
            onClick={button.onClick}
          >
            {t('tagButton')}
          </button>
        )}
        {picker && (
          <div style={{ position: 'fixed', left: `${pickerLeft}px`, top: `${pickerTop}px` }}>
            <TagPicker key={picker.passage} {...picker.props} />
          </div>
        )}
        {toast && (
          <div class={toast.error ? 'toast error' : 'toast'} role="status">
            <span>{toast.message}</span>
            {toast.action && (
              <button type="button" onClick={() => { toast.action!.run(); state.toast = undefined; draw(); }}>
                {toast.action.label}
              </button>
            )}
          </div>
        )}
      </div>,
      container,
    );
  };

  return {
    showButton(at, onClick) {
      state.button = { at, onClick };
      draw();
    },
    hideButton() {
      if (!state.button) return;
      state.button = undefined;
      draw();
    },
    openPicker(at, props, passage) {
      const same = state.picker?.passage === passage;
      state.picker = { at: same ? state.picker!.at : at, props, passage };
      state.button = undefined;
      draw();
    },
    closePicker() {
      state.picker = undefined;
      draw();
    },
    get pickerOpen() {
      return !!state.picker;
    },
    toast(toast) {
      state.toast = toast;
      draw();
      clearTimeout(toastTimer);
      toastTimer = ctx.setTimeout(() => {
        state.toast = undefined;
        draw();
      }, toast.error ? 12000 : 8000);
    },
  };
}
