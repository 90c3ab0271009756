// The tag picker: type to filter the codebook (Chinese label, English label or term number), Enter applies the
// highlighted term at once, several terms per passage, an optional note. The same card edits an existing annotation.
// When nothing matches, what was typed can be added to the codebook as a new term and applied at once. It is a
// dialog: Tab and Shift+Tab cycle inside it, Escape closes it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PickerChoices } from '../messaging/picker';
import type { Term } from '../model';
import { t } from './i18n';

export interface TagPickerProps extends PickerChoices {
  /** Terms offered, in codebook order (retired terms left out by the caller). */
  terms: Term[];
  /** Every known term by id, for the chips of terms already applied (retired ones included). */
  termsById: Map<string, Term>;
  quote: string;
  applied: string[];
  note: string;
  /** The passage is not yet an annotation (nothing stored until a term or a note is given). */
  isNew: boolean;
  /** Why the last change failed (a term that could not be added), shown until the next one. */
  error?: string;
  /** The coder's name; '' until given, and then the picker asks for it (once: it is kept in extension storage). */
  coderName: string;
  onCoderName(name: string): void;
}

/** Who is coding, asked at the first use: every annotation carries its coder (see model/coder.ts). */
function CoderPrompt({ onSave }: { onSave(name: string): void }) {
  const [name, setName] = useState('');
  const save = () => name.trim() && onSave(name.trim());
  return (
    <div class="coder" role="group" aria-label={t('coderPromptLabel')}>
      <label>
        {t('coderPrompt')}
        <input
          type="text"
          value={name}
          maxLength={256}
          onInput={(e) => setName(e.currentTarget.value)}
          // Enter saves the name here; in the picker it would apply a term.
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.isComposing) return;
            e.preventDefault();
            e.stopPropagation();
            save();
          }}
        />
      </label>
      <button type="button" disabled={!name.trim()} onClick={save}>{t('coderSave')}</button>
    </div>
  );
}

const FOCUSABLE = 'input, textarea, button, [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last: focus stays in the dialog. */
function trapTab(e: KeyboardEvent, dialog: HTMLElement): void {
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const current = dialog.ownerDocument.activeElement;
  const inside = items.includes(current as HTMLElement);
  if (e.shiftKey && (current === first || !inside)) last.focus();
  else if (!e.shiftKey && (current === last || !inside)) first.focus();
  else return;
  e.preventDefault();
}

/** Terms whose label or number matches the query; an empty query offers them all. */
export function filterTerms(terms: Term[], query: string): Term[] {
  const q = query.trim().toLowerCase();
  if (!q) return terms;
  return terms.filter((term) => term.notation.toLowerCase().startsWith(q) || term.label.zh.includes(q) || term.label.en.toLowerCase().includes(q));
}

export function TagPicker(props: TagPickerProps) {
  const { terms, termsById, applied } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [note, setNote] = useState(props.note);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const matching = useMemo(() => filterTerms(terms, query), [terms, query]);
  const shown = useMemo(() => matching.filter((term) => !applied.includes(term.id)), [matching, applied]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);

  const apply = (term: Term | undefined, at: number) => {
    if (!term) return;
    props.onApply(term.id, at);
    setQuery('');
  };
  const label = query.trim();
  // Only when no term of the codebook matches (one already applied is not missing from it).
  const canAdd = matching.length === 0 && label.length > 0;
  const addTerm = (at: number) => {
    if (!canAdd) return;
    props.onAddTerm(label, at);
    setQuery('');
  };
  const close = () => {
    if (note !== props.note) props.onNote(note);
    props.onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // The list is driven from the filter; in the note, arrows and Enter are the note's.
    const inFilter = e.target === input.current;
    if (e.key === 'ArrowDown' && inFilter) setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (e.key === 'ArrowUp' && inFilter) setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && inFilter && !e.isComposing) {
      if (canAdd) addTerm(e.timeStamp);
      else apply(shown[active], e.timeStamp);
    } else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') {
      if (dialog.current) trapTab(e, dialog.current);
      return;
    } else if (e.altKey && e.key.length === 1) {
      // Alt + a term's one-key shortcut applies it from the picker (on the page the key alone does).
      const term = terms.find((x) => x.shortcut && x.shortcut === e.key.toLowerCase());
      if (!term) return;
      apply(term, e.timeStamp);
    } else return;
    e.preventDefault();
  };

  return (
    <div class="picker" role="dialog" aria-modal="true" aria-label={t('pickerTitle')} onKeyDown={onKeyDown} ref={dialog}>
      {!props.coderName && <CoderPrompt onSave={props.onCoderName} />}
      <div class="quote">“{props.quote.length > 80 ? `${props.quote.slice(0, 80)}…` : props.quote}”</div>
      {applied.length > 0 && (
        <ul class="chips" aria-label={t('pickerApplied')}>
          {applied.map((id) => {
            const term = termsById.get(id);
            return (
              <li key={id} class="chip" style={{ borderColor: term?.color }}>
                <span class="dot" style={{ background: term?.color }} />
                {term ? `${term.notation} ${term.label.zh}` : id}
                <button type="button" aria-label={t('pickerRemove', term?.label.zh ?? id)} onClick={() => props.onRemove(id)}>×</button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        ref={input}
        type="search"
        placeholder={t('pickerFilter')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        role="combobox"
        aria-expanded="true"
        aria-controls="pizhu-terms"
        aria-activedescendant={shown[active] ? `pizhu-term-${active}` : undefined}
      />
      <ul class="terms" id="pizhu-terms" role="listbox">
        {shown.length === 0 && !canAdd && <li class="empty">{t('pickerNoMatch')}</li>}
        {canAdd && (
          <li class="add">
            <span class="empty">{t('pickerNoMatch')}</span>
            <button type="button" onClick={(e) => addTerm(e.timeStamp)}>
              {t('pickerAddTerm', label)}
            </button>
          </li>
        )}
        {shown.slice(0, 60).map((term, i) => (
          <li
            key={term.id}
            id={`pizhu-term-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'term active' : 'term'}
            onMouseDown={(e) => {
              e.preventDefault();
              apply(term, e.timeStamp);
            }}
            title={term.scopeNote?.zh}
          >
            <span class="dot" style={{ background: term.color }} />
            <span class="notation">{term.notation}</span>
            <span class="label">{term.label.zh}</span>
            <span class="en">{term.label.en}</span>
            {term.shortcut && <kbd>{term.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <textarea placeholder={t('pickerNote')} value={note} rows={2} onInput={(e) => setNote(e.currentTarget.value)} onBlur={() => note !== props.note && props.onNote(note)} />
      <div class="actions">
        {!props.isNew && (
          <button type="button" class="danger" onClick={props.onDelete}>
            {t('pickerDelete')}
          </button>
        )}
        <button type="button" onClick={close}>
          {t('pickerDone')}
        </button>
      </div>
    </div>
  );
}
