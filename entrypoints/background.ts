// The background keeps the toolbar icon in step with each tab's scan, and opens the side panel on click.
import { browser, defineBackground } from '#imports';
import { t } from '../components/i18n';
import type { DataRequest, TagSelectionCommand } from '../messaging/annotations';
import type { RuntimeMessage, ScanStatus } from '../messaging/protocol';
import { AnnotationService } from '../storage/annotation-service';
import { currentCoder } from '../storage/coder';
import { PizhuDB } from '../storage/db';

const KIND_COLOURS = { report: '#b42318', document: '#1f6feb', none: '#6e7781' } as const;

function badgeFor(summary: ScanStatus | null): { text: string; colour: string; title: string } {
  if (!summary || summary.kind === 'none') return { text: '', colour: KIND_COLOURS.none, title: t('extName') };
  const { docno, figure, date } = summary.counts;
  const total = docno + figure;
  return {
    text: total > 999 ? '999+' : String(total),
    colour: KIND_COLOURS[summary.kind],
    title: t('badgeTitle', [t(`kind_${summary.kind}`), String(docno), String(figure), String(date)]),
  };
}

export default defineBackground(() => {
  // Chrome: the toolbar button opens the side panel. Firefox: the button toggles the sidebar.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
    browser.action.onClicked.addListener(() => void sidebar?.toggle());
  }

  const service = new AnnotationService(new PizhuDB(), currentCoder);
  const tagSelection = (tabId: number | undefined) => {
    if (tabId === undefined) return;
    const command: TagSelectionCommand = { type: 'pizhu:tag-selection' };
    browser.tabs.sendMessage(tabId, command).catch(() => {});
  };
  // The menu is registered once per install; its clicks arrive every time the worker wakes.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'pizhu-tag', title: t('menuTagSelection'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'pizhu-tag') tagSelection(tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'tag-selection') tagSelection(tab?.id);
  });

  browser.runtime.onMessage.addListener((message: RuntimeMessage | DataRequest, sender, sendResponse) => {
    if (message.type.startsWith('pizhu:data:')) {
      void service.handle(message as DataRequest).then(sendResponse);
      return true; // the reply comes asynchronously
    }
    if (message.type !== 'pizhu:scanned' || sender.tab?.id === undefined) return undefined;
    const tabId = sender.tab.id;
    const badge = badgeFor((message as RuntimeMessage).status);
    void browser.action.setBadgeText({ tabId, text: badge.text });
    void browser.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
    void browser.action.setTitle({ tabId, title: badge.title });
    return undefined;
  });
});
