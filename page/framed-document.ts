// Pizhu reads the top document of a tab only (see README, "As a guest on other people's pages"). Some sites show a
// report inside a frame of an otherwise empty page; for those, the side panel offers the frame's own address, where
// Pizhu reads it like any page. This finds that frame: the largest one that fills most of the window.

const MIN_SHARE_OF_WIDTH = 0.5;
const MIN_HEIGHT = 300;

/** The http(s) address of the frame that shows most of `doc`'s window, or undefined when no frame does. */
export function framedDocument(doc: Document): string | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  let best: { url: string; area: number } | undefined;
  for (const frame of doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame')) {
    const box = frame.getBoundingClientRect();
    if (box.width < view.innerWidth * MIN_SHARE_OF_WIDTH || box.height < MIN_HEIGHT) continue;
    // The resolved address; only a web page is offered (never javascript:, data:, about: or the like).
    let url: URL;
    try {
      url = new URL(frame.src);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const area = box.width * box.height;
    if (!best || area > best.area) best = { url: url.href, area };
  }
  return best?.url;
}
