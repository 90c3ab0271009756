// The tag picker: type to filter the codebook (Chinese label, English label or term number), Enter applies the
// highlighted term at once, several terms per passage, an optional note. The same card edits an existing annotation.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Term } from '../model';
import { t } from './i18n';

export interface TagPickerProps {
  /** Terms offered, in codebook order (retired terms left out by the caller). */
  terms: Term[];
  /** Every known term by id, for the chips of terms already applied (retired ones included). */
  termsById: Map<string, Term>;
  quote: string;
  applied: string[];
  note: string;
  /** The passage is not yet an annotation (nothing stored until a term or a note is given). */
  isNew: boolean;
  onApply(termId: string, at: number): void;
  onRemove(termId: string): void;
  onNote(note: string): void;
  onDelete(): void;
  onClose(): void;
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
  const shown = useMemo(() => filterTerms(terms, query).filter((term) => !applied.includes(term.id)), [terms, query, applied]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);

  const apply = (term: Term | undefined, at: number) => {
    if (!term) return;
    props.onApply(term.id, at);
    setQuery('');
  };
  const close = () => {
    if (note !== props.note) props.onNote(note);
    props.onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && !e.isComposing) apply(shown[active], e.timeStamp);
    else if (e.key === 'Escape') close();
    else if (e.altKey && e.key.length === 1) {
      // Alt + a term's one-key shortcut applies it from the picker (on the page the key alone does).
      const term = terms.find((x) => x.shortcut && x.shortcut === e.key.toLowerCase());
      if (!term) return;
      apply(term, e.timeStamp);
    } else return;
    e.preventDefault();
  };

  return (
    <div class="picker" role="dialog" aria-label={t('pickerTitle')} onKeyDown={onKeyDown}>
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
        {shown.length === 0 && <li class="empty">{t('pickerNoMatch')}</li>}
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
