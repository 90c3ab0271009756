// What Pizhu recognised on the page, in document order; click an item to scroll to it.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { tabs, type ItemSummary } from '../messaging';
import type { Category } from '../recognition/types';
import { DEFAULT_SETTINGS, type Settings } from '../model';
import { normalizeUrl } from '../anchoring/url';
import type { PageKind } from '../model';
import type { PageSummary } from '../messaging';
import { setCategory, setPageKind, setSiteDisabled, settingsItem } from '../storage/settings';
import type { TabInfo } from './active-tab';
import { t } from './i18n';
import { boundLabel, normalisedValue } from './indicator-text';
import { RecognitionExport } from './RecognitionExport';
import { useTabRequest } from './use-tab-request';

const CATEGORIES: Category[] = ['docno', 'figure', 'date'];

function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    return settingsItem.watch((next) => setSettings(next ?? DEFAULT_SETTINGS));
  }, []);
  return settings;
}

const KINDS: PageKind[] = ['report', 'document', 'none'];

/** The reader's say over the page's kind, when Pizhu judged it wrong: remembered for the page's URL. */
function KindFix({ summary, url }: { summary: PageSummary; url: string }) {
  const page = normalizeUrl(url);
  if (summary.kindSetByReader) {
    return (
      <p class="kind-fix">
        {t('kindSetByReader')}{' '}
        <button type="button" onClick={() => void setPageKind(page, null)}>{t('kindGiveBack')}</button>
      </p>
    );
  }
  return (
    <p class="kind-fix">
      {t('kindFixLabel')}{' '}
      {KINDS.filter((k) => k !== summary.kind).map((k) => (
        <button key={k} type="button" onClick={() => void setPageKind(page, k)}>{t(`kindReadAs_${k}`)}</button>
      ))}
    </p>
  );
}

/** 培训执法人员 → 480 名 · 多于: what the figure counts and its value normalised. */
function ItemIndicator({ indicator }: { indicator: NonNullable<ItemSummary['indicator']> }) {
  const bound = boundLabel(indicator.value.bound);
  return (
    <span class={indicator.name ? 'item-indicator' : 'item-indicator unnamed'}>
      {indicator.name ?? t('panelNoIndicator')} → {normalisedValue(indicator.value)}
      {bound && <span class="item-bound"> · {bound}</span>}
    </span>
  );
}

export function RecognitionPanel({ tab }: { tab: TabInfo }) {
  // A rescan (Pizhu switched back on for the site, or the page reloaded) brings a new list.
  const state = useTabRequest(tab, 'scan:summary', { refreshOn: ['scan:done'] });
  const settings = useSettings();
  const host = useMemo(() => {
    try {
      return new URL(tab.url).hostname;
    } catch {
      return '';
    }
  }, [tab.url]);
  const disabled = settings.disabledSites.includes(host);

  if (state.status === 'loading') return <p class="state" aria-busy="true">{t('panelLoading')}</p>;
  // A page content scripts cannot run on (browser pages, the web store, files).
  if (state.status === 'unavailable') return <p class="state">{t('panelUnavailable')}</p>;
  const summary = state.value;
  const shown = summary?.items.filter((item) => item.category !== 'date' && settings.categories[item.category]) ?? [];

  return (
    <section>
      <header class="page-head">
        {summary && <span class={`kind kind-${summary.kind}`}>{t(`kind_${summary.kind}`)}</span>}
        <h1>{summary?.title || host}</h1>
      </header>
      {summary && !disabled && <KindFix summary={summary} url={tab.url} />}

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
              <button type="button" class={`item ${item.category}`} onClick={() => void tabs.sendToTab(tab.id, 'scan:reveal', { index: item.index }).catch(() => {})}>
                <span class="item-text">{item.text}</span>
                {item.indicator && <ItemIndicator indicator={item.indicator} />}
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
