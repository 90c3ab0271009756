// The card shown when a tagged passage is hovered: its terms and its note, read only (a click opens the picker).
import type { Term } from '../model';
import { t } from './i18n';

export interface AnnotationCardProps {
  /** The annotation's term ids, in order, and every known term by id (a term may be unknown: shown by its id). */
  terms: string[];
  termsById: Map<string, Term>;
  note: string;
}

export function AnnotationCard({ terms, termsById, note }: AnnotationCardProps) {
  return (
    <div class="card annotation" role="tooltip">
      <div class="head">{t('annotationCardTitle')}</div>
      {terms.length > 0 ? (
        <ul class="chips">
          {terms.map((id) => {
            const term = termsById.get(id);
            return (
              <li key={id} class="chip" style={{ borderColor: term?.color }}>
                <span class="dot" style={{ background: term?.color }} />
                {term ? `${term.notation} ${term.label.zh}` : id}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="none">{t('annotationCardNoTerms')}</p>
      )}
      {note && <p class="note">{note}</p>}
    </div>
  );
}
