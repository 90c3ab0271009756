// The tag picker's frame (picker.html, shown by the content script in an <iframe>). It shows nothing and sends
// nothing until it is bound to the content script's port (messaging/picker.ts); then it renders what the content
// script sends and reports each choice back. It says how big it is, so that it can be placed beside the passage.
import { render } from 'preact';
import { TagPicker } from '../../components/TagPicker';
import '../../components/tag-picker.css';
import { events } from '../../messaging';
import type { FromPicker, PickerOffer, PickerView, ToPicker } from '../../messaging/picker';
import { portBinder } from '../../messaging/picker-binding';
import type { Term } from '../../model';
import { coderItem, currentCoder, setCoderName } from '../../storage/coder';

const app = document.getElementById('app')!;
let port: MessagePort | null = null;
let view: PickerView | null = null;
let error: string | undefined;
let termsById = new Map<string, Term>();
// Who is coding: asked for at the first use, in here (an extension page reads the extension's storage; the content
// script does not).
let coderName = '';
void currentCoder().then((coder) => {
  coderName = coder.name;
  draw();
});
coderItem.watch((coder) => {
  coderName = coder?.name ?? '';
  draw();
});

const send = (message: FromPicker) => port?.postMessage(message);
const epoch = (timeStamp: number) => performance.timeOrigin + timeStamp;

function draw(): void {
  if (!view) {
    render(null, app);
    return;
  }
  render(
    <TagPicker
      key={view.passage}
      terms={view.terms}
      termsById={termsById}
      quote={view.quote}
      applied={view.applied}
      note={view.note}
      isNew={view.isNew}
      error={error}
      onApply={(termId, at) => send({ type: 'apply', termId, at: epoch(at) })}
      onRemove={(termId) => send({ type: 'remove', termId })}
      onNote={(note) => send({ type: 'note', note })}
      onDelete={() => send({ type: 'delete' })}
      onClose={() => send({ type: 'close' })}
      onAddTerm={(label, at) => send({ type: 'add-term', label, at: epoch(at) })}
      coderName={coderName}
      onCoderName={(name) => void setCoderName(name).then((coder) => {
        coderName = coder.name;
        draw();
      })}
    />,
    app,
  );
  // Measured at once: a hidden frame gets no animation frames and no resize observations until it is shown.
  reportSize();
}

/** The picker's width, its height with the term list at its tallest, and with the list at its shortest. */
function reportSize(): void {
  const picker = app.querySelector<HTMLElement>('.picker');
  const list = picker?.querySelector<HTMLElement>('.terms');
  if (!picker || !list || !view) return;
  const style = getComputedStyle(list);
  const fixed = picker.offsetHeight - list.offsetHeight;
  const content = list.scrollHeight;
  send({
    type: 'size',
    passage: view.passage,
    width: picker.offsetWidth,
    height: fixed + Math.min(content, parseFloat(style.maxHeight) || content),
    minHeight: fixed + Math.min(content, parseFloat(style.minHeight) || content),
  });
}
new ResizeObserver(() => reportSize()).observe(app);

function receive(message: ToPicker): void {
  switch (message.type) {
    case 'show':
      if (message.view.known !== view?.known) termsById = new Map(message.view.known.map((term) => [term.id, term]));
      if (message.view.passage !== view?.passage) error = undefined;
      view = message.view;
      break;
    case 'hide':
      view = null;
      error = undefined;
      break;
    case 'fit':
      document.documentElement.style.setProperty('--fit', `${message.height}px`);
      return;
    case 'error':
      error = message.message;
      break;
  }
  draw();
}

const binder = portBinder((bound) => {
  port = bound;
  port.onmessage = (e) => receive(e.data as ToPicker);
  send({ type: 'ready' });
});
events.on('picker:key', ({ key }, sender) => {
  // Keys come from the background (a sender in no tab), which passes on what this tab's content script sent it;
  // pages have no way to send to the extension at all.
  if (typeof key === 'string' && sender.tabId === undefined) binder.hear(key);
});
window.addEventListener('message', (e) => {
  const offer = e.data as PickerOffer | null;
  if (offer?.pizhu === 'picker-port' && typeof offer.key === 'string' && e.ports.length === 1) binder.offer(offer.key, e.ports[0]);
});
// Focus given to the frame from the page lands on the filter, not on the frame's body.
window.addEventListener('focus', () => {
  if (document.activeElement === document.body) app.querySelector<HTMLElement>('input')?.focus();
});
