// Bringing a span of the page into view: scroll it to the middle and mark it for a moment, for the side panel's
// "go to" clicks (recognised items, annotations, parts of the outline).

const MARK_MS = 2000;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Scrolls to `range` and marks it with the highlight `mark` for two seconds (a collapsed range only scrolls).
 * A newer reveal restarts the timer, so an earlier one never clears its mark. False when the range is off the page.
 */
export function revealRange(range: Range, mark = 'pizhu-focus'): boolean {
  const node = range.startContainer;
  const target = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!target?.isConnected) return false;
  // A hidden tab (the panel popped out over it, or a test) runs no smooth-scroll animation: jump instead.
  target.scrollIntoView({ block: 'center', behavior: document.hidden ? 'auto' : 'smooth' });
  clearTimeout(timers.get(mark));
  if (range.collapsed) return true;
  CSS.highlights.set(mark, new Highlight(range));
  timers.set(mark, setTimeout(() => CSS.highlights.delete(mark), MARK_MS));
  return true;
}
