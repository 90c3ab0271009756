// Where the page's annotations are, at a glance: a thin bar at the window's right edge (after Hypothesis's bucket
// bar) with a mark per annotation, or per bucket of ones too close to tell apart, at its place on the whole page; a
// click on a mark goes to it. In Pizhu's closed shadow root; made with the page's first anchored annotation.
//
// Marks stand for places on the document, not in the viewport, so scrolling moves none of them: the bar is measured
// again (in one animation frame, however many causes) only when the annotations, the window's size or the page's
// height change. Only the marks take the pointer: the bar itself lets clicks through to the page under it.
import { buckets, type Placed } from '../../annotator/page-nav';
import { t } from '../../components/i18n';
import { guestLayer } from '../../page/guest-root';

const WIDTH = 6;
const MARK = 5;

const CSS = `
.bar { position: fixed; top: 0; right: 0; width: ${WIDTH}px; height: 100vh; pointer-events: none; }
.mark { all: initial; position: absolute; right: 0; width: ${WIDTH}px; height: ${MARK}px; border-radius: 2px 0 0 2px;
  background: #b42318; opacity: .8; pointer-events: auto; cursor: pointer; box-shadow: 0 0 0 1px rgba(255,255,255,.7); }
.mark.many { height: ${MARK + 3}px; }
.mark:hover, .mark:focus-visible { opacity: 1; width: ${WIDTH + 3}px; outline: none; }
`;

export interface OverviewBar {
  /** Measures again at the next frame (the annotations changed). */
  update(): void;
  remove(): void;
}

/**
 * `measure` gives the anchored annotations in document order with their tops in document coordinates; `colour`
 * an annotation's colour (its first term's); `go` takes the reader to one.
 */
export function overviewBar(measure: () => Placed[], colour: (id: string) => string | undefined, go: (id: string) => void): OverviewBar {
  let bar: HTMLElement | null = null;
  let frame = 0;

  const draw = () => {
    frame = 0;
    const placed = measure();
    if (placed.length === 0) {
      bar?.remove();
      bar = null;
      return;
    }
    if (!bar) {
      bar = document.createElement('nav');
      bar.className = 'bar';
      bar.setAttribute('aria-label', t('navBarLabel'));
      guestLayer('overview', CSS).append(bar);
    }
    const height = window.innerHeight;
    const marks = buckets(placed, document.documentElement.scrollHeight, height - MARK - 3).map(({ y, ids }) => {
      const mark = document.createElement('button');
      mark.className = ids.length > 1 ? 'mark many' : 'mark';
      mark.style.top = `${Math.round(y)}px`;
      const c = colour(ids[0]);
      if (c) mark.style.background = c;
      const label = ids.length > 1 ? t('navBarMarkMany', String(ids.length)) : t('navBarMarkOne');
      mark.title = label;
      mark.setAttribute('aria-label', label);
      mark.addEventListener('click', (e) => {
        if (e.isTrusted) go(ids[0]);
      });
      return mark;
    });
    bar.replaceChildren(...marks);
  };
  const update = () => {
    frame ||= requestAnimationFrame(draw);
  };
  // The page grows as images and late content load: its height decides where every mark goes.
  const resized = new ResizeObserver(update);
  resized.observe(document.documentElement);
  window.addEventListener('resize', update, { passive: true });
  update();
  return {
    update,
    remove() {
      cancelAnimationFrame(frame);
      frame = 0;
      resized.disconnect();
      window.removeEventListener('resize', update);
      bar?.remove();
      bar = null;
    },
  };
}
