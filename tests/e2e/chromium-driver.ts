// What driver.ts asks beyond Playwright's own Page in Chromium: the page's closed shadow roots, reached as the
// browser's own tools reach them, over the DevTools protocol (Playwright's selectors stop at closed roots).
import type { CDPSession, Frame as PlaywrightFrame, Page as PlaywrightPage } from 'playwright-core';
import type { ClosedShadowRoots, Frame, Page } from './driver';

interface DomNode {
  nodeId: number;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** The closed shadow roots on the elements of `node`'s tree and of its open shadow roots, in document order. */
function closedRoots(node: DomNode, out: DomNode[] = []): DomNode[] {
  for (const root of node.shadowRoots ?? []) {
    if (root.shadowRootType === 'closed') out.push(root);
    else if (root.shadowRootType === 'open') closedRoots(root, out);
  }
  for (const child of node.children ?? []) closedRoots(child, out);
  return out;
}

const sessions = new WeakMap<PlaywrightPage, { cdp: Promise<CDPSession>; world?: number }>();

/** Playwright's page behind the driver's (they are one object in Chromium). */
const playwright = (page: Page) => page as unknown as PlaywrightPage;

/**
 * Calls `declaration` (a function's source) in an isolated world of the page's main frame with `arg` and the closed
 * roots' objects. The page's session and world are kept; a navigation takes the world away, and one retry makes
 * another.
 */
async function callWithRoots(page: Page, declaration: string, arg: unknown): Promise<unknown> {
  const raw = playwright(page);
  let entry = sessions.get(raw);
  if (!entry) sessions.set(raw, (entry = { cdp: raw.context().newCDPSession(raw) }));
  const cdp = await entry.cdp;
  for (let attempt = 0; ; attempt++) {
    try {
      if (entry.world === undefined) {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        const world = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'pizhu-tests' });
        entry.world = world.executionContextId;
      }
      const executionContextId = entry.world;
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      // The main frame's roots only: a frame's document is a page of its own.
      const withoutFrames = (node: DomNode): DomNode => ({
        ...node,
        contentDocument: undefined,
        children: node.children?.map(withoutFrames),
        shadowRoots: node.shadowRoots?.map(withoutFrames),
      });
      const roots = [];
      for (const shadow of closedRoots(withoutFrames(root))) {
        const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId, executionContextId });
        roots.push({ objectId: object.objectId! });
      }
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        functionDeclaration: declaration,
        executionContextId,
        arguments: [{ value: arg }, ...roots],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    } catch (e) {
      if (attempt >= 1 || !/context|node|frame/i.test((e as Error).message)) throw e;
      entry.world = undefined;
    }
  }
}

export const chromiumClosedShadowRoots: ClosedShadowRoots = {
  async evaluate<R, A>(page: Page, fn: (roots: ShadowRoot[], arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (await callWithRoots(page, `function (arg, ...roots) { return (${fn})(roots, arg); }`, arg)) as R;
  },

  // Playwright finds a frame's element wherever it is (frameElement asks the protocol): the frame is the one whose
  // element is in a closed root and matches.
  async frame(page: Page, selector: string): Promise<Frame | null> {
    const raw = playwright(page);
    for (const frame of raw.frames() as PlaywrightFrame[]) {
      if (frame.parentFrame() !== raw.mainFrame()) continue;
      const owner = await frame.frameElement().catch(() => null);
      if (!owner) continue;
      const ours = await owner.evaluate((el, selector) => {
        const root = el.getRootNode();
        return root instanceof ShadowRoot && root.mode === 'closed' && (el as Element).matches(selector);
      }, selector);
      await owner.dispose();
      if (ours) return frame as unknown as Frame;
    }
    return null;
  },
};
