// Indicator naming's side of the page, injected by the background the first time the content script asks for
// the indicators of a tab's figures (a card shown, a panel's list or export), so that pages where nobody asks
// never load its code. It only hands the namer over (page/indicator-handoff.ts); the content script runs it.
import { defineContentScript } from '#imports';
import { nameFigures } from '../indicators/page-indicators';
import { publishNamer } from '../page/indicator-handoff';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main() {
    publishNamer(nameFigures);
  },
});
