// The content script's scan, handed to study mode's script, which is injected only when a panel first asks for
// study mode (so that pages nobody studies never load its code). Both scripts run in the extension's isolated
// world of the page, whose global object the page cannot see: the handoff is a property on it.
import type { ScanResult } from './scan';

const KEY = '__pizhuScan';

type Holder = Record<typeof KEY, (() => Promise<ScanResult | null>) | undefined>;

/** Called by the content script: `current` answers with the scan once the page is read, or null while Pizhu is off. */
export function publishScan(current: () => Promise<ScanResult | null>): void {
  (globalThis as unknown as Holder)[KEY] = current;
}

/** The content script's current scan, waiting for a reading under way; null when there is none. */
export function publishedScan(): Promise<ScanResult | null> {
  const current = (globalThis as unknown as Holder)[KEY];
  return current ? current() : Promise.resolve(null);
}
