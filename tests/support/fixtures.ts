// The fixture pages, read for unit tests: the shared ones (../shared beside the project, never copied into the
// project) and the real pages of tests/fixtures, each with its gold labels.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const PAGES_DIR = path.join(SHARED, 'fixtures/pages');
export const GOLD_DIR = path.join(SHARED, 'fixtures/gold');
export const REAL_PAGES_DIR = path.resolve(__dirname, '../fixtures/pages');
export const REAL_GOLD_DIR = path.resolve(__dirname, '../fixtures/gold');

export interface FixturePage {
  file: string;
  host: string;
  path: string;
  kind: 'report' | 'document' | 'none';
  /** The charset the page is served in (utf-8 when absent), as its site serves it. */
  encoding?: string;
}

export interface Gold extends FixturePage {
  docNumbers: string[];
  figures: string[];
  lenient: string[];
  dates: string[];
}

export const fixturePages: FixturePage[] = JSON.parse(fs.readFileSync(path.join(PAGES_DIR, 'manifest.json'), 'utf8'));

export function gold(file: string): Gold {
  return JSON.parse(fs.readFileSync(path.join(GOLD_DIR, file.replace(/\.html$/, '.json')), 'utf8'));
}

/** Real pages nobody here wrote (tests/fixtures/pages/manifest.json says where each came from). */
export const realPages: FixturePage[] = JSON.parse(fs.readFileSync(path.join(REAL_PAGES_DIR, 'manifest.json'), 'utf8'));

export function realGold(file: string): Gold {
  return JSON.parse(fs.readFileSync(path.join(REAL_GOLD_DIR, file.replace(/\.html$/, '.json')), 'utf8'));
}

/** A fixture page as a DOM, at its real URL (a shared page, or one of `dir`). */
export function loadPage(page: FixturePage, dir = PAGES_DIR): Document {
  // Decoded as the browser does with the charset the fixture server sends (a GBK page stays GBK on disk).
  const html = new TextDecoder(page.encoding ?? 'utf-8').decode(fs.readFileSync(path.join(dir, page.file)));
  return new JSDOM(html, { url: `http://${page.host}${encodeURI(page.path)}` }).window.document;
}

export function domFrom(html: string, url = 'http://example.gov.cn/a.html'): Document {
  return new JSDOM(html, { url }).window.document;
}
