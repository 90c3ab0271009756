// Shown above the panel when Pizhu may not read the tab's site, with the button that asks for access.
import { useState } from 'preact/hooks';
import type { TabInfo } from './active-tab';
import { askForAccess, useHostAccess } from './host-access';
import { t } from './i18n';

export function HostAccessNotice({ tab }: { tab: TabInfo }) {
  const allowed = useHostAccess(tab.url);
  const [refused, setRefused] = useState(false);
  if (allowed !== false) return null;
  const ask = () => {
    askForAccess(tab.id).then((granted) => setRefused(!granted), () => setRefused(true));
  };
  return (
    <div class="host-access" role="alert">
      <p>{t('hostAccessMissing')}</p>
      {refused && <p class="error">{t('hostAccessRefused')}</p>}
      <button type="button" onClick={ask}>{t('hostAccessAsk')}</button>
    </div>
  );
}
