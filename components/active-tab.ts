// Which tab a panel speaks for: `?tab=ID` when given (a popped-out panel, tests), else the active tab, following
// the user as they switch tabs or navigate.
import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';

export interface TabInfo {
  id: number;
  url: string;
}

async function currentTab(): Promise<TabInfo | null> {
  const fixed = Number(new URLSearchParams(location.search).get('tab'));
  const tab = fixed ? await browser.tabs.get(fixed) : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
}

export function useActiveTab(): TabInfo | null {
  const [tab, setTab] = useState<TabInfo | null>(null);
  useEffect(() => {
    const refresh = () => void currentTab().then(setTab);
    refresh();
    const fixed = new URLSearchParams(location.search).has('tab');
    if (fixed) {
      const onUpdated = (_id: number, info: { status?: string }) => info.status === 'complete' && refresh();
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => browser.tabs.onUpdated.removeListener(onUpdated);
    }
    const onUpdated = (_id: number, info: { status?: string; url?: string }) => (info.status === 'complete' || info.url) && refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tab;
}
