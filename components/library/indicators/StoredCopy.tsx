// A report's stored text (kept with its first annotation), opened at a figure: for a page that is gone or
// changed, or whose address is not a web page. The text is shown as text, never as HTML.
import { useEffect, useRef } from 'preact/hooks';
import { L } from '../strings';

export interface CopyAt {
  title: string;
  url: string;
  text: string;
  start: number;
  end: number;
}

export function StoredCopy({ copy, onClose }: { copy: CopyAt; onClose: () => void }) {
  const mark = useRef<HTMLElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [copy, onClose]);
  return (
    <div class="ind-copy" role="dialog" aria-modal="true" aria-label={L('IndCopyTitle', copy.title || copy.url)}>
      <header>
        <h3>{L('IndCopyTitle', copy.title || copy.url)}</h3>
        <button type="button" ref={close} onClick={onClose}>
          {L('IndCopyClose')}
        </button>
      </header>
      <p class="lib-hint">{copy.url}</p>
      <div class="ind-copy-text">
        {copy.text.slice(0, copy.start)}
        <mark ref={mark}>{copy.text.slice(copy.start, copy.end)}</mark>
        {copy.text.slice(copy.end)}
      </div>
    </div>
  );
}
