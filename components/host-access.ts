// Whether Pizhu may read the pages a panel speaks for. Firefox treats an MV3 add-on's host permissions as the user's
// to withdraw (about:addons, the extensions menu), and Chrome lets a user hold back site access: then the content
// script does not run and the panel has nothing to show. The panel says so and asks for access again.
import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';

/** The hosts Pizhu reads pages on: its manifest's host permissions (every http and https site). */
export function readableOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/**
 * The match patterns Pizhu needs to read the page at `url`: its site's; every site's when the browser keeps the URL
 * from the panel (Firefox does, for a site the add-on may not access); none for a page no content script runs on.
 */
export function patternsFor(url: string): string[] {
  if (!url) return readableOrigins();
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? [`${protocol}//${hostname}/*`] : [];
  } catch {
    return [];
  }
}

/** True when Pizhu may read the page at `url` (or it is no web page), false when access was withheld, null while unknown. */
export function useHostAccess(url: string): boolean | null {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    const origins = patternsFor(url);
    if (!origins.length) {
      setAllowed(true); // nothing to ask for: the panel says the page is out of reach
      return;
    }
    let live = true;
    const check = () => void browser.permissions.contains({ origins })
      .then((yes) => live && setAllowed(yes), () => live && setAllowed(true));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [url]);
  return allowed;
}

/**
 * Asks for every site Pizhu reads (the browser shows its own prompt), then reloads the tab so that the content
 * script, which a grant does not bring into pages already open, reads it. Must run straight from the click: the
 * browser grants permission requests only to a user's action.
 */
export async function askForAccess(tabId: number): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: readableOrigins() });
  if (granted) await browser.tabs.reload(tabId);
  return granted;
}
