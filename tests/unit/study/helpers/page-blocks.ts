// Reads a saved page the way the content script hands it to study mode: paragraph-level blocks of the chosen
// content roots in document order, joined with newlines into one main text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { PAGES_DIR } from '../../../support/fixtures';
import type { Block } from '../../../../study/types';

const BLOCK = 'p,h1,h2,h3,h4,h5,h6,li,td,th,div,dt,dd,blockquote,pre';

export interface Page {
  title: string;
  text: string;
  blocks: Block[];
}

export function pageFromHtml(html: string, roots: string): Page {
  const doc = new JSDOM(html).window.document;
  const rootEls = [...doc.querySelectorAll(roots)].filter((el, _, all) => !all.some((o) => o !== el && o.contains(el)));
  const leaves: Element[] = [];
  for (const root of rootEls) {
    const candidates = [root, ...root.querySelectorAll(BLOCK)].filter((el) => el.matches(BLOCK));
    leaves.push(...candidates.filter((el) => !el.querySelector(BLOCK)));
  }
  const blocks: Block[] = [];
  let offset = 0;
  for (const el of leaves) {
    const text = el.textContent ?? '';
    blocks.push({ text, start: offset, end: offset + text.length, tag: el.tagName.toLowerCase() });
    offset += text.length + 1;
  }
  return { title: doc.title, text: blocks.map((b) => b.text).join('\n'), blocks };
}

const SHARED = `${PAGES_DIR}/`;
// The unit project runs from the project root.
const OWN = resolve(process.cwd(), 'tests/fixtures/study');

/** Where each page keeps its title, metadata and article. */
export const FIXTURE_ROOTS: Record<string, string> = {
  'zhangdian-2017-report': '.xxgk, h1, .article',
  'jingzhou-2017-report': '.title, .article',
  'datong-2023-report': '.title, .article',
  'changqing-2018-opinion': '.xxgk, h1, .article',
  'duolun-2012-report': 'h1, .article',
};

export function sharedPage(name: string): Page {
  return pageFromHtml(readFileSync(SHARED + name + '.html', 'utf8'), FIXTURE_ROOTS[name]);
}

/** A test page of our own: everything inside <main>. */
export function studyPage(name: string): Page {
  return pageFromHtml(readFileSync(resolve(OWN, name + '.html'), 'utf8'), 'main');
}
