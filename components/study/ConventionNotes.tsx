// How the page's writing compares with GB/T 9704-2012, shown quietly: each note is information for a trainee
// (what the standard provides, how this page writes it), not a fault found. A click shows the place.
import type { ConventionNote } from '../../study/conventions';
import { t } from '../i18n';
import { pick, type Lang } from './lang';
import type { Reveal } from './reveal';

export function ConventionNotes({ notes, lang, reveal }: { notes: ConventionNote[]; lang: Lang; reveal: Reveal }) {
  if (notes.length === 0) return <p class="state quiet">{t('studyNotesNone')}</p>;
  return (
    <>
      <p class="quiet">{t('studyNotesIntro')}</p>
      <ul class="notes">
        {notes.map((n) => (
          <li key={`${n.rule}-${n.at.start}-${n.at.end}`}>
            <button type="button" class="note" data-rule={n.rule} onClick={() => reveal(n.at.start, n.at.end)}>
              {pick(n, lang)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
