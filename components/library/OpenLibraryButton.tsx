// A button that opens the library page (library.html) in a tab, for the side panel and the popup to mount.
// If the library is already open, that tab is brought forward instead of opening a second one.
import { browser } from '#imports';
import { L } from './strings';

export function libraryUrl(): string {
  return browser.runtime.getURL('/library.html');
}

export async function openLibrary(): Promise<void> {
  const url = libraryUrl();
  // tabs.query by URL needs the `tabs` permission, which Pizhu does not ask for: without it the list comes back
  // empty and a new tab opens, which is fine.
  const [open] = await browser.tabs.query({ url }).catch(() => []);
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => {});
    return;
  }
  await browser.tabs.create({ url });
}

export function OpenLibraryButton({ class: className }: { class?: string }) {
  return (
    <button type="button" class={className ?? 'open-library'} onClick={() => void openLibrary()}>
      {L('Open')}
    </button>
  );
}
