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
import { copyValue, copyWithSentence, filterItems, groupBySection } from './item-list';
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

/** Copy buttons beside an item; the button last used says whether the copy worked ('key!': it failed). */
function CopyButtons({ item, copied, onCopy }: { item: ItemSummary; copied: string | null; onCopy: (key: string, text: string) => void }) {
  const buttons: Array<[string, string, string]> = [
    ['value', 'panelCopyValue', copyValue(item)],
    ['sentence', 'panelCopySentence', copyWithSentence(item)],
  ];
  return (
    <span class="item-copy">
      {buttons.map(([kind, label, text]) => {
        const key = `${item.index}:${kind}`;
        return (
          <button key={kind} type="button" class={`copy-${kind}`} data-copy={text} title={t(`${label}Title`)} onClick={() => onCopy(key, text)}>
            {copied === key ? t('panelCopied') : copied === `${key}!` ? t('panelCopyFailed') : t(label)}
          </button>
        );
      })}
    </span>
  );
}

export function RecognitionPanel({ tab }: { tab: TabInfo }) {
  const [query, setQuery] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (key: string, text: string) => {
    void navigator.clipboard.writeText(text).then(
      () => setCopied(key),
      () => setCopied(`${key}!`),
    );
  };
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
  const listed = summary?.items.filter((item) => settings.categories[item.category]) ?? [];
  const shown = filterItems(listed, query);

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
      ) : listed.length === 0 ? (
        <p class="state">{t('panelNothingFound')}</p>
      ) : (
        <>
          <input
            type="search"
            class="item-search"
            value={query}
            placeholder={t('panelSearch')}
            aria-label={t('panelSearch')}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {shown.length === 0 && <p class="state">{t('panelNoMatch')}</p>}
          {groupBySection(shown).map((group) => (
            <section class="item-group" key={`${group.heading}:${group.items[0].index}`}>
              {group.heading && <h2 class="item-section">{group.heading}</h2>}
              <ol class="items" aria-label={group.heading || t('panelItems')}>
                {group.items.map((item) => (
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
                    <CopyButtons item={item} copied={copied} onCopy={copy} />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
