// The real scan of a fixture page under jsdom, as the content script makes it, and a stand-in for the parts of the
// CSS Custom Highlight API and scrolling that jsdom lacks (enough to see what was registered and where).
import { vi } from 'vitest';
import { scanPage, type ScanResult } from '../../../../page/scan';
import { fixturePages, loadPage } from '../../../support/fixtures';

export async function scanFixture(name: string): Promise<{ doc: Document; scan: ScanResult }> {
  const page = fixturePages.find((p) => p.file === `${name}.html`);
  if (!page) throw new Error(`no fixture page ${name}`);
  const doc = loadPage(page);
  return { doc, scan: await scanPage(doc) };
}

/** A Highlight is a set of ranges; the registry a map of names to highlights. */
class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

export interface HighlightWorld {
  registry: Map<string, Set<Range>>;
  scrolled: Element[];
  restore(): void;
}

/** Installs CSS.highlights, Highlight and Element.scrollIntoView on `doc`'s window and the global scope. */
export function fakeHighlights(doc: Document): HighlightWorld {
  const registry = new Map<string, Set<Range>>();
  const scrolled: Element[] = [];
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('Node', doc.defaultView!.Node);
  const proto = doc.defaultView!.Element.prototype as Element & { scrollIntoView: (o?: unknown) => void };
  const before = proto.scrollIntoView;
  proto.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
  return {
    registry,
    scrolled,
    restore() {
      proto.scrollIntoView = before;
      vi.unstubAllGlobals();
    },
  };
}
