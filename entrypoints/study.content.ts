// Study mode's side of the page, injected by the side panel the first time it asks for study mode on a tab
// (components/study/load-study.ts), so that pages nobody studies never load its code. It answers from the content
// script's scan, handed over in the isolated world (page/scan-handoff.ts).
import { defineContentScript } from '#imports';
import { tabs } from '../messaging';
import { publishedScan } from '../page/scan-handoff';
import { studyHandlers } from '../page/study-handlers';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main() {
    // Injected again each time a panel asks afresh: answer once.
    const world = globalThis as unknown as { __pizhuStudy?: boolean };
    if (world.__pizhuStudy) return;
    world.__pizhuStudy = true;
    tabs.handle(studyHandlers(publishedScan));
  },
});
