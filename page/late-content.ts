// Some sites send an empty shell and fill in the article by script after the content script has read the page
// (document_idle comes before their data does). This watches a page that was read as no report for text arriving
// late, and says once when enough of it has come and the page has been quiet for a moment, so that it is read
// again. Observing costs the page little: the callback only adds up the length of the text in added nodes.

export interface LateContentOptions {
  /** Characters of added text that make a second reading worth it (a headline and a sentence are not). */
  minGrowth?: number;
  /** How long the page must stay quiet after the growth before it is read again, ms. */
  quietMs?: number;
  /** How long after the start to keep watching, ms: a page still changing after that is a live page, not a late one. */
  windowMs?: number;
}

/**
 * Calls `onGrown` at most once, and watches for `windowMs` at most: a page that grew but never went quiet is read
 * again when the window closes. Returns the function that stops watching.
 */
export function watchLateContent(root: Node, onGrown: () => void, options: LateContentOptions = {}): () => void {
  const { minGrowth = 400, quietMs = 600, windowMs = 30_000 } = options;
  let grown = 0;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) grown += node.textContent?.length ?? 0;
    }
    if (grown < minGrowth) return;
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      stop();
      onGrown();
    }, quietMs);
  });
  const deadline = setTimeout(() => {
    stop();
    if (grown >= minGrowth) onGrown();
  }, windowMs);
  function stop() {
    observer.disconnect();
    clearTimeout(quiet);
    clearTimeout(deadline);
  }
  observer.observe(root, { childList: true, subtree: true });
  return stop;
}
