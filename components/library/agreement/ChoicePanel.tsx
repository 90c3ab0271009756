// What to compare: the coders (two or more), the pages (by default those two or more of them both coded) and the
// terms (by default all they applied). Pages and terms fold away: a team's library has hundreds of each.
import { useState } from 'preact/hooks';
import type { CoderOption } from '../../../library/agreement-coders';
import type { Term } from '../../../model';
import { L } from '../strings';
import { byLabel, coderLabel, Ln, termColor, termLabel } from './format';

export interface PageOption {
  url: string;
  title: string;
  /** How many of the chosen coders coded it. */
  coders: number;
}

interface Props {
  options: readonly CoderOption[];
  coderIds: readonly string[];
  onCoders: (ids: string[]) => void;
  pageOptions: readonly PageOption[];
  pages: readonly string[];
  onPages: (urls: string[] | null) => void;
  sharedCount: number;
  termOptions: readonly string[];
  /** undefined: all. */
  terms: readonly string[] | undefined;
  onTerms: (ids: string[] | null) => void;
  termMap: ReadonlyMap<string, Term>;
}

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function ChoicePanel(p: Props) {
  // A team's library lists thousands of pages: their boxes are made when the list is opened, not on every render.
  const [pagesOpen, setPagesOpen] = useState(false);
  const [termsOpen, setTermsOpen] = useState(false);
  const chosenPages = new Set(p.pages);
  const chosenTerms = new Set(p.terms ?? p.termOptions);
  // Keep the order the coders are offered in (most annotations first): it is the order of the report's columns.
  const setCoder = (id: string, on: boolean) => {
    const next = new Set(toggled(p.coderIds, id, on));
    p.onCoders(p.options.filter((c) => next.has(c.id)).map((c) => c.id));
  };
  const setPage = (url: string, on: boolean) => {
    const next = new Set(toggled(p.pages, url, on));
    p.onPages(p.pageOptions.filter((o) => next.has(o.url)).map((o) => o.url));
  };
  const setTerm = (id: string, on: boolean) => {
    const next = toggled([...chosenTerms], id, on);
    p.onTerms(p.termOptions.filter((t) => next.includes(t)));
  };

  return (
    <section class="agr-choice" aria-labelledby="agr-choice-h">
      <h2 id="agr-choice-h">{L('AgrChoiceHeading')}</h2>
      <fieldset class="agr-coders">
        <legend>{L('AgrCoders')}</legend>
        {p.options.map((c) => (
          <label key={c.id} title={c.id}>
            <input type="checkbox" checked={p.coderIds.includes(c.id)} onChange={(e) => setCoder(c.id, e.currentTarget.checked)} />
            <span>{coderLabel(c)}</span>
            <span class="lib-hint">
              {Ln('AgrNAnnotations', c.annotations)}{L('AgrListSeparator')}{Ln('AgrNPages', c.pages)}
              {c.consensus ? ` · ${L('AgrConsensusMark')}` : ''}
            </span>
          </label>
        ))}
      </fieldset>
      <details class="agr-pages" onToggle={(e) => setPagesOpen(e.currentTarget.open)}>
        <summary>{L('AgrPagesSummary', [p.pages.length.toLocaleString(), p.pageOptions.length.toLocaleString()])}</summary>
        <div class="lib-buttons">
          <button type="button" onClick={() => p.onPages(null)}>{L('AgrPagesShared', [p.sharedCount.toLocaleString()])}</button>
          <button type="button" onClick={() => p.onPages(p.pageOptions.map((o) => o.url))}>{L('AgrSelectAll')}</button>
          <button type="button" onClick={() => p.onPages([])}>{L('AgrSelectNone')}</button>
        </div>
        <ul class="agr-list">
          {pagesOpen && p.pageOptions.map((o) => (
            <li key={o.url}>
              <label title={o.url}>
                <input type="checkbox" checked={chosenPages.has(o.url)} onChange={(e) => setPage(o.url, e.currentTarget.checked)} />
                <span>{o.title}</span>
                <span class="lib-hint">{Ln('AgrNCoders', o.coders)}</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
      <details class="agr-terms" onToggle={(e) => setTermsOpen(e.currentTarget.open)}>
        <summary>
          {p.terms ? L('AgrTermsSummary', [p.terms.length.toLocaleString(), p.termOptions.length.toLocaleString()]) : L('AgrTermsAll', [p.termOptions.length.toLocaleString()])}
        </summary>
        <div class="lib-buttons">
          <button type="button" onClick={() => p.onTerms(null)}>{L('AgrTermsDefault')}</button>
          <button type="button" onClick={() => p.onTerms([])}>{L('AgrSelectNone')}</button>
        </div>
        <ul class="agr-list">
          {termsOpen && byLabel(p.termMap, p.termOptions).map((t) => (
            <li key={t}>
              <label title={t}>
                <input type="checkbox" checked={chosenTerms.has(t)} onChange={(e) => setTerm(t, e.currentTarget.checked)} />
                <span class="lib-chip" style={{ borderColor: termColor(p.termMap, t) }}>{termLabel(p.termMap, t)}</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
