// Study mode's answers to a panel, over the content script's scan (study mode's page script registers them:
// entrypoints/study.content.ts). With no scan (Pizhu off on the site) there is nothing to study, draw or reveal.
import type { RequestHandlers } from '../messaging/channel';
import type { TabProtocol } from '../messaging/protocol';
import { studyView, type StudyView } from '../study/view';
import { studyInputOf, type ScanResult } from './scan';
import { clearOutline, drawOutline, revealSpan } from './study-drawing';

export function studyHandlers(currentScan: () => Promise<ScanResult | null>): RequestHandlers<TabProtocol> {
  // One study view per scan: the panel asks again each time it is opened or switched to.
  const views = new WeakMap<ScanResult, StudyView>();
  const viewOf = (scan: ScanResult) => {
    let view = views.get(scan);
    if (!view) views.set(scan, (view = studyView(studyInputOf(scan))));
    return view;
  };
  return {
    'study:get': async () => {
      const scan = await currentScan();
      return scan && viewOf(scan);
    },
    'study:draw': async ({ on }) => {
      const scan = await currentScan();
      if (!scan) {
        clearOutline();
        return 0;
      }
      return drawOutline(scan.layout.map, viewOf(scan), on);
    },
    'study:reveal': async ({ start, end }) => {
      const scan = await currentScan();
      return !!scan && revealSpan(scan.layout.map, start, end);
    },
  };
}
