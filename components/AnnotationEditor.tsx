// The terms and note of one annotation, edited where it is listed (the side panel, the library's table). What the
// user typed stays in the form until it is stored: a failed save says why beside it and loses nothing.
import { useState } from 'preact/hooks';
import { byNotation, type Term } from '../model';
import { errorText, t } from './i18n';
import './annotation-editor.css';

export interface EditorProps {
  terms: readonly string[];
  note: string;
  /** Every term (retired ones too: an annotation may still carry one), by id. */
  known: ReadonlyMap<string, Term>;
  /** Stores the change; rejects with the reason it could not. */
  onSave: (change: { terms: string[]; note: string }) => Promise<unknown>;
  onCancel: () => void;
}

export function AnnotationEditor({ terms: initialTerms, note: initialNote, known, onSave, onCancel }: EditorProps) {
  const [terms, setTerms] = useState<string[]>([...initialTerms]);
  const [note, setNote] = useState(initialNote);
  const [state, setState] = useState<{ status: 'editing' } | { status: 'saving' } | { status: 'failed'; error: string }>({ status: 'editing' });
  const offered = [...known.values()].filter((term) => !term.retired && !terms.includes(term.id)).sort(byNotation);
  const saving = state.status === 'saving';

  const save = (e: Event) => {
    e.preventDefault();
    setState({ status: 'saving' });
    onSave({ terms, note }).then(
      () => undefined,
      (error: unknown) => setState({ status: 'failed', error: errorText(error) }),
    );
  };

  return (
    <form class="annotation-editor" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && !saving && onCancel()}>
      <fieldset disabled={saving}>
        <legend>{t('annotationEditTerms')}</legend>
        <ul class="editor-terms">
          {terms.length === 0 && <li class="editor-none">{t('annotationCardNoTerms')}</li>}
          {terms.map((id) => {
            const term = known.get(id);
            const name = term ? `${term.notation} ${term.label.zh}` : id;
            return (
              <li key={id} class="term-chip" style={{ borderColor: term?.color }}>
                <span class="dot" style={{ background: term?.color }} />
                {name}
                <button type="button" class="chip-remove" aria-label={t('annotationEditRemoveTerm', name)} title={t('annotationEditRemoveTerm', name)}
                  onClick={() => setTerms((ts) => ts.filter((x) => x !== id))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <select
          aria-label={t('annotationEditAddTerm')}
          value=""
          onChange={(e) => {
            const id = e.currentTarget.value;
            if (id) setTerms((ts) => (ts.includes(id) ? ts : [...ts, id]));
          }}
        >
          <option value="">{t('annotationEditAddTerm')}</option>
          {offered.map((term) => (
            <option key={term.id} value={term.id}>
              {term.notation} {term.label.zh}
            </option>
          ))}
        </select>
        <label class="editor-note">
          {t('annotationEditNote')}
          <textarea rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
      </fieldset>
      {state.status === 'failed' && <p class="error" role="alert">{t('annotationSaveFailed', state.error)}</p>}
      <div class="editor-buttons">
        <button type="submit" disabled={saving}>{saving ? t('annotationSaving') : t('annotationSave')}</button>
        <button type="button" disabled={saving} onClick={onCancel}>{t('annotationCancel')}</button>
      </div>
    </form>
  );
}
