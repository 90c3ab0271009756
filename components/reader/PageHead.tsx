// The head of the reader: whose stored copy this is, when it was stored, where the live page was. An address that
// is not a web page (http or https) is shown as text, never as a link.
import type { ComponentChildren } from 'preact';
import type { PageRecord } from '../../model';
import { t, uiLang } from '../i18n';

function isWebPage(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

function storedOn(iso: string | undefined): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(uiLang() === 'en' ? 'en' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

export function PageHead({ page, url, children }: { page: PageRecord | undefined; url: string; children?: ComponentChildren }) {
  const when = storedOn(page?.snapshotAt);
  const address = page?.url ?? url;
  return (
    <header class="reader-head">
      <p class="reader-label">
        <span class="reader-badge">{t('readerHeading')}</span>
        {page && <span class={`kind kind-${page.kind}`}>{t(`kind_${page.kind}`)}</span>}
        {when && <span class="reader-when">{t('readerStoredAt', when)}</span>}
      </p>
      <p class="reader-title">{page?.title || address}</p>
      <p class="reader-url">
        {t('readerLivePage')}{' '}
        {isWebPage(address) ? <a href={address} target="_blank" rel="noopener noreferrer">{address}</a> : <span>{address}</span>}
      </p>
      {children}
    </header>
  );
}
