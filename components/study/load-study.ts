// Study mode's page script (entrypoints/study.content.ts) is injected into a tab when a panel first asks for study
// mode there, so that the pages nobody studies never load it. Injecting again is harmless: the script answers once.
import { browser } from '#imports';

export function loadStudyMode(tabId: number): Promise<unknown> {
  return browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-scripts/study.js'] });
}
