// The background: it owns the database (the content scripts' reads and writes come here), keeps the toolbar icon in
// step with each tab's scan, opens the side panel on click, and turns the context menu and the keyboard command
// into "tag the selection" on the tab, and the previous / next commands into steps between its annotations.
import { browser, defineBackground } from '#imports';
import { normalizeUrl } from '../anchoring/url';
import { t } from '../components/i18n';
import { background, emitToAllTabs, events, tabs, type ScanStatus, type Sender } from '../messaging';
import { AnnotationService } from '../storage/annotation-service';
import { currentCoder, setCoderName } from '../storage/coder';
import { PizhuDB } from '../storage/db';
import { settingsItem } from '../storage/settings';
import { EngineError } from '../team/engine';
import { TeamService } from '../team/service';

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

/** Tells the tabs showing these pages (normalised URLs) that their annotations changed. */
async function emitToPages(pages: Set<string>): Promise<void> {
  const all = await browser.tabs.query({});
  await Promise.all(all.map((tab) => {
    if (tab.id === undefined || !tab.url) return undefined;
    let url: string;
    try {
      url = normalizeUrl(tab.url);
    } catch {
      return undefined;
    }
    return pages.has(url) ? events.emitToTab(tab.id, 'annotations:synced') : undefined;
  }));
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

  const db = new PizhuDB();
  const service = new AnnotationService(db, currentCoder);

  // The team's sync: its settings, status and conflicts are for the extension's own pages, never a content script
  // (whose renderer a hostile page shares).
  const team = new TeamService(db, {
    status: (status) => void events.emit('sync:status', status),
    applied: ({ pages, codebook }) => {
      if (codebook) void emitToAllTabs('codebook:changed');
      if (pages.size) void emitToPages(pages);
    },
    identified: (name) => void currentCoder().then((coder) => (coder.name ? undefined : setCoderName(name))),
  });
  team.init();
  const ownPages = browser.runtime.getURL('/');
  const trusted = <T>(sender: Sender, answer: () => Promise<T>): Promise<T> =>
    sender.url?.startsWith(ownPages) ? answer() : Promise.reject(new EngineError('只有扩展自己的页面可以查看团队同步。', 'Only the extension’s own pages may see the team’s sync.', 'forbidden'));

  background.handle({
    'annotations:page': async ({ url }) => ({ ...(await service.pageData(url)), coder: (await currentCoder()).id }),
    'annotations:save': ({ annotation, page, snapshot, structure }) => service.save(annotation, page, snapshot, structure),
    'annotations:keep-text': ({ page, text, structure }) => service.keepText(page, text, structure),
    'annotations:learn-positions': ({ positions }) => service.learnPositions(positions),
    'annotations:delete': ({ id }) => service.delete(id),
    'annotations:restore': ({ annotation }) => service.restore(annotation),
    'terms:list': () => service.terms(),
    'terms:add': ({ label }) => service.addTerm(label),
    'settings:get': () => settingsItem.getValue(),
    // The picker's frame is an extension page inside the tab: Firefox delivers to it only what is sent to the tab
    // (a content script's runtime messages reach the extension's other pages, not it), Chrome both.
    'picker:key': async ({ key }, sender) => {
      if (sender.tabId !== undefined) await events.emitToTabFrames(sender.tabId, 'picker:key', { key });
    },
    // Only a content script asks, for its own tab's top frame (the one frame Pizhu reads).
    'indicators:load': async (_data, sender) => {
      if (sender.tabId === undefined) return false;
      await browser.scripting.executeScript({ target: { tabId: sender.tabId, frameIds: [0] }, files: ['/content-scripts/indicators.js'] });
      return true;
    },
    'sync:status': (_, sender) => trusted(sender, () => team.status()),
    'sync:join': (req, sender) => trusted(sender, () => team.join(req)),
    'sync:leave': (_, sender) => trusted(sender, () => team.leave()),
    'sync:conflicts': ({ pageUrl }, sender) => trusted(sender, () => team.conflicts(pageUrl)),
    'sync:resolve': ({ id, resolution }, sender) => trusted(sender, () => team.resolve(id, resolution)),
  });
  // Extension storage is for the extension's own pages and worker: a content script, which a hostile page's
  // renderer hosts, cannot read it (Chrome; Firefox has no such switch yet, see sync's credentials). The switches
  // reach the pages through here instead.
  (browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => {});
  settingsItem.watch((next) => void emitToAllTabs('settings:changed', next));

  const tagSelection = (tabId: number | undefined) => {
    if (tabId !== undefined) tabs.sendToTab(tabId, 'annotations:tag-selection').catch(() => {});
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
    const step = command === 'next-annotation' ? 1 : command === 'previous-annotation' ? -1 : 0;
    if (step && tab?.id !== undefined) tabs.sendToTab(tab.id, 'annotations:step', { step }).catch(() => {});
  });

  events.on('scan:done', ({ status }, sender) => {
    if (sender.tabId === undefined) return;
    const { tabId } = sender;
    const badge = badgeFor(status);
    void browser.action.setBadgeText({ tabId, text: badge.text });
    void browser.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
    void browser.action.setTitle({ tabId, title: badge.title });
  });
});
