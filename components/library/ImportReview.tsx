// The changed annotations of an import, each with the version stored here and the file's side by side, and what to
// keep of them: mine, theirs or both, one by one or for all. A page of the list at a time, so that a file with
// thousands of changed annotations renders twenty; the shortcuts hold for every one, on every page. The decisions
// themselves are exchange/import-review.ts's; this only shows them and passes the user's on.
import { useState } from 'preact/hooks';
import {
  CHOICES,
  choiceOf,
  decideAll,
  decideOne,
  differences,
  tally,
  type Choice,
  type Conflict,
  type Decisions,
  type Differences,
  type Shortcut,
} from '../../exchange/import-review';
import type { AnnotationRecord } from '../../model';
import { when } from './AnnotationTable';
import { L } from './strings';

export const REVIEW_PAGE_SIZE = 20;

const SHORTCUTS: [Shortcut, string][] = [
  ['newer', 'ReviewAllNewer'],
  ['mine', 'ReviewAllMine'],
  ['theirs', 'ReviewAllTheirs'],
  ['both', 'ReviewAllBoth'],
];

const CHOICE_LABELS: Record<Choice, string> = { mine: 'ReviewKeepMine', theirs: 'ReviewTakeTheirs', both: 'ReviewKeepBoth' };

interface Props {
  conflicts: readonly Conflict[];
  decisions: Decisions;
  onChange: (decisions: Decisions) => void;
  /** A term's label, for an IRI. */
  termLabel: (id: string) => string;
  disabled: boolean;
}

function snippet(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function Version({ side, record, diff, newer, termLabel }: {
  side: 'mine' | 'theirs';
  record: AnnotationRecord;
  diff: Differences;
  newer: boolean;
  termLabel: (id: string) => string;
}) {
  const mark = (differs: boolean) => (differs ? 'lib-differs' : undefined);
  const none = <span class="lib-hint">{L('ReviewNone')}</span>;
  const who = record.creator?.name || record.creator?.id || L('ReviewNobody');
  return (
    <section class={`lib-version lib-version-${side}`} aria-label={L(side === 'mine' ? 'ReviewMine' : 'ReviewTheirs')} data-side={side}>
      <h4>
        {L(side === 'mine' ? 'ReviewMine' : 'ReviewTheirs')}
        {newer && <span class="lib-newer">{L('ReviewNewer')}</span>}
      </h4>
      <dl>
        <dt>{L('ColQuote')}</dt>
        <dd class={mark(diff.quote)} data-field="quote">{record.quote ? record.quote.exact : <span class="lib-hint">{L('ReviewNoQuote')}</span>}</dd>
        <dt>{L('ColTerms')}</dt>
        <dd class={mark(diff.terms)} data-field="terms">
          {record.terms.length ? record.terms.map((t) => <span key={t} class="lib-chip" title={t}>{termLabel(t)}</span>) : none}
        </dd>
        <dt>{L('ColNote')}</dt>
        <dd class={mark(diff.note)} data-field="note">{record.note || none}</dd>
        <dt>{L('ReviewCoder')}</dt>
        <dd class={mark(diff.creator)} data-field="creator" title={record.creator?.id}>{who}</dd>
        <dt>{L('ColModified')}</dt>
        <dd class={mark(diff.modified)} data-field="modified" title={record.modified}>{when(record.modified)}</dd>
      </dl>
    </section>
  );
}

export function ImportReview({ conflicts, decisions, onChange, termLabel, disabled }: Props) {
  const [page, setPage] = useState(0);
  const pages = Math.ceil(conflicts.length / REVIEW_PAGE_SIZE);
  const first = page * REVIEW_PAGE_SIZE;
  const shown = conflicts.slice(first, first + REVIEW_PAGE_SIZE);
  const counts = tally(decisions, conflicts);
  const uniform = decisions.one.size === 0 ? decisions.all : null;

  const pager = pages > 1 && (
    <div class="lib-buttons lib-pager">
      <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{L('ReviewPrevious')}</button>
      <span>{L('ReviewRange', [(first + 1).toLocaleString(), (first + shown.length).toLocaleString(), conflicts.length.toLocaleString()])}</span>
      <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>{L('ReviewNext')}</button>
    </div>
  );

  return (
    <section class="lib-review" aria-labelledby="lib-review-h">
      <h3 id="lib-review-h">{L('ReviewHeading')}</h3>
      <p class="lib-hint">{L('ReviewExplain')}</p>
      <div class="lib-buttons" role="group" aria-label={L('ReviewAll')}>
        <span>{L('ReviewAll')}</span>
        {SHORTCUTS.map(([shortcut, label]) => (
          <button key={shortcut} type="button" aria-pressed={uniform === shortcut} disabled={disabled} onClick={() => onChange(decideAll(shortcut))}>
            {L(label)}
          </button>
        ))}
      </div>
      <p class="lib-tally" data-mine={counts.mine} data-theirs={counts.theirs} data-both={counts.both}>
        {L('ReviewTally', [counts.mine.toLocaleString(), counts.theirs.toLocaleString(), counts.both.toLocaleString()])}
      </p>
      {pager}
      <ol class="lib-conflicts" start={first + 1}>
        {shown.map((c) => {
          const diff = differences(c);
          const chosen = choiceOf(decisions, c);
          return (
            <li key={c.id} class="lib-conflict" data-id={c.id} data-choice={chosen}>
              <div class="lib-versions">
                <Version side="mine" record={c.mine} diff={diff} newer={c.newer === 'mine' && diff.modified} termLabel={termLabel} />
                <Version side="theirs" record={c.theirs} diff={diff} newer={c.newer === 'theirs'} termLabel={termLabel} />
              </div>
              {diff.other && <p class="lib-hint">{L('ReviewOther')}</p>}
              <fieldset class="lib-choice">
                <legend>{L('ReviewChoose', [snippet(c.mine.quote?.exact ?? c.mine.note)])}</legend>
                {CHOICES.map((choice) => (
                  <label key={choice}>
                    <input
                      type="radio"
                      name={`choice-${c.id}`}
                      value={choice}
                      checked={chosen === choice}
                      disabled={disabled}
                      onChange={() => onChange(decideOne(decisions, c.id, choice))}
                    />{' '}
                    {L(CHOICE_LABELS[choice])}
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {pager}
    </section>
  );
}
