// The document numbers read for a trainee: the report's own number first, on its own, then the documents the
// report cites (《title》 with its number where the text gives both). Each number is taken apart into 机关代字,
// 年份 and 发文顺序号, and the code into what each character stands for; the issuing body is named only when the
// code itself says which body it is.
import type { CitedEntry, ExplainedNumber } from '../../study/view';
import { t, tn } from '../i18n';
import { pick, type Lang } from './lang';
import type { Reveal } from './reveal';

function NumberParts({ number, lang }: { number: ExplainedNumber; lang: Lang }) {
  const { explanation } = number;
  return (
    <div class="docno-parts">
      <dl class="docno-fields">
        {explanation.fields.map((f) => (
          <div key={f.role} class={`field field-${f.role}`}>
            <dt>{pick(f.label, lang)}</dt>
            <dd>{f.text}</dd>
          </div>
        ))}
      </dl>
      <p class="docno-reading">{pick(explanation.reading, lang)}</p>
      {explanation.issuer && <p class="docno-issuer">{t('studyIssuer')}{pick(explanation.issuer, lang)}</p>}
    </div>
  );
}

export function OwnNumber({ own, lang, reveal }: { own?: ExplainedNumber; lang: Lang; reveal: Reveal }) {
  if (!own) return <p class="state quiet">{t('studyNoOwnNumber')}</p>;
  return (
    <div class="own-number">
      <button type="button" class="docno-text" onClick={() => reveal(own.start, own.end)}>{own.text}</button>
      <NumberParts number={own} lang={lang} />
    </div>
  );
}

function Cited({ entry, lang, reveal }: { entry: CitedEntry; lang: Lang; reveal: Reveal }) {
  const [first, ...more] = entry.mentions;
  return (
    <li class="cited-entry">
      <button type="button" class="cited" onClick={() => reveal(first.start, first.end)}>
        {entry.title && <span class="cited-title">《{entry.title}》</span>}
        {entry.docno && <span class="cited-number">{entry.docno.text}</span>}
      </button>
      {more.length > 0 && (
        <span class="mentions">
          {tn('studyMentions', entry.mentions.length)}
          {more.map((m, i) => (
            <button key={m.start} type="button" class="mention" onClick={() => reveal(m.start, m.end)}
              aria-label={t('studyMentionN', String(i + 2))}>{i + 2}</button>
          ))}
        </span>
      )}
      {entry.docno && (
        <details class="cited-explained">
          <summary>{t('studyExplainNumber')}</summary>
          <NumberParts number={entry.docno} lang={lang} />
        </details>
      )}
    </li>
  );
}

export function CitedDocuments({ cited, lang, reveal }: { cited: CitedEntry[]; lang: Lang; reveal: Reveal }) {
  if (cited.length === 0) return <p class="state quiet">{t('studyCitedNone')}</p>;
  return (
    <ol class="cited-list">
      {cited.map((c) => <Cited key={c.mentions[0].start} entry={c} lang={lang} reveal={reveal} />)}
    </ol>
  );
}
