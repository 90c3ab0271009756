// The shared fixture pages (../shared beside the project), read for unit tests. Never copied into the project.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const PAGES_DIR = path.join(SHARED, 'fixtures/pages');
export const GOLD_DIR = path.join(SHARED, 'fixtures/gold');

export interface FixturePage {
  file: string;
  host: string;
  path: string;
  kind: 'report' | 'document' | 'none';
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

/** A fixture page as a DOM, at its real URL. */
export function loadPage(page: FixturePage): Document {
  const html = fs.readFileSync(path.join(PAGES_DIR, page.file), 'utf8');
  return new JSDOM(html, { url: `http://${page.host}${encodeURI(page.path)}` }).window.document;
}

export function domFrom(html: string, url = 'http://example.gov.cn/a.html'): Document {
  return new JSDOM(html, { url }).window.document;
}
