// What Pizhu recognised on the page, in document order; click an item to scroll to it.
import { browser } from '#imports';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageSummary, RuntimeMessage } from '../messaging/protocol';
import type { Category } from '../recognition/types';
import { setCategory, setSiteDisabled, settingsItem, DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import { askTab, type TabInfo } from './active-tab';
import { t } from './i18n';
import { RecognitionExport } from './RecognitionExport';

type State =
  | { status: 'loading' }
  | { status: 'unavailable' } // a page content scripts cannot run on (browser pages, the web store, files)
  | { status: 'ready'; summary: PageSummary | null };

const CATEGORIES: Category[] = ['docno', 'figure', 'date'];

function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    return settingsItem.watch((next) => setSettings(next ?? DEFAULT_SETTINGS));
  }, []);
  return settings;
}


export function RecognitionPanel({ tab }: { tab: TabInfo }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const settings = useSettings();
  const host = useMemo(() => {
    try {
      return new URL(tab.url).hostname;
    } catch {
      return '';
    }
  }, [tab.url]);
  const disabled = settings.disabledSites.includes(host);

  useEffect(() => {
    setState({ status: 'loading' });
    let live = true;
    const load = () =>
      askTab<PageSummary | null>(tab.id, { type: 'pizhu:get-summary' })
        .then((summary) => live && setState({ status: 'ready', summary }))
        .catch(() => live && setState({ status: 'unavailable' }));
    void load();
    // A rescan (Pizhu switched back on for the site, or the page reloaded): fetch the new list.
    const onMessage = (message: RuntimeMessage, sender: { tab?: { id?: number } }) => {
      if (message.type === 'pizhu:scanned' && sender.tab?.id === tab.id) {
        if (message.status) void load();
        else setState({ status: 'ready', summary: null });
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tab.id, tab.url]);

  if (state.status === 'loading') return <p class="state" aria-busy="true">{t('panelLoading')}</p>;
  if (state.status === 'unavailable') return <p class="state">{t('panelUnavailable')}</p>;
  const { summary } = state;
  const shown = summary?.items.filter((item) => item.category !== 'date' && settings.categories[item.category]) ?? [];

  return (
    <section>
      <header class="page-head">
        {summary && <span class={`kind kind-${summary.kind}`}>{t(`kind_${summary.kind}`)}</span>}
        <h1>{summary?.title || host}</h1>
      </header>

      <fieldset class="switches">
        <legend>{t('panelShow')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={settings.categories[c]} disabled={disabled} onChange={(e) => void setCategory(c, e.currentTarget.checked)} />
            <span class={`swatch ${c}`} />
            {t(`category_${c}`)}
            {summary && summary.kind !== 'none' && <span class="count">{summary.counts[c]}</span>}
          </label>
        ))}
        <label class="site">
          <input type="checkbox" checked={disabled} disabled={!host} onChange={(e) => void setSiteDisabled(host, e.currentTarget.checked)} />
          {t('panelSiteOff', host)}
        </label>
      </fieldset>

      {summary && summary.kind !== 'none' && !disabled && <RecognitionExport tabId={tab.id} />}

      {disabled ? (
        <p class="state">{t('panelSiteIsOff')}</p>
      ) : !summary || summary.kind === 'none' ? (
        <>
          <p class="state">{t('panelNotAReport')}</p>
          {summary?.framed && /^https?:\/\//.test(summary.framed) && (
            <p class="state framed">
              {t('panelFramed')}{' '}
              <a href={summary.framed} target="_blank" rel="noopener noreferrer">
                {summary.framed}
              </a>
            </p>
          )}
        </>
      ) : shown.length === 0 ? (
        <p class="state">{t('panelNothingFound')}</p>
      ) : (
        <ol class="items" aria-label={t('panelItems')}>
          {shown.map((item) => (
            <li key={item.index}>
              <button type="button" class={`item ${item.category}`} onClick={() => void askTab(tab.id, { type: 'pizhu:reveal', index: item.index })}>
                <span class="item-text">{item.text}</span>
                <span class="item-context">
                  …{item.before}
                  <mark>{item.text}</mark>
                  {item.after}…
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
