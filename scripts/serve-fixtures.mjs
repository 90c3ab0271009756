// Serves the fixture pages on 127.0.0.1 under their real host and path, so the extension meets them as it
// would on the web (Chromium maps the hosts to this server with --host-resolver-rules).
//
//   node scripts/serve-fixtures.mjs [PORT]      prints every page's URL and keeps serving
//
// Pages come from three manifests: ../shared/fixtures/pages/manifest.json (read-only, shared with the
// recognition score), tests/fixtures/pages/manifest.json (real pages nobody here wrote, with gold labels in
// tests/fixtures/gold) and tests/e2e/fixtures/manifest.json (pages made for a case). An entry of the last either
// names a `file` beside its manifest or `repeat`s another page's article up to a size, which keeps megabyte pages
// out of git.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { TEMPLATES, partsOf } from './page-templates.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared/fixtures beside the project: pages/ (with manifest.json) and gold/. */
export const sharedFixturesDir = path.resolve(projectRoot, '..', 'shared', 'fixtures');
const sharedPagesDir = path.join(sharedFixturesDir, 'pages');
const ownPagesDir = path.join(projectRoot, 'tests', 'e2e', 'fixtures');
const realPagesDir = path.join(projectRoot, 'tests', 'fixtures', 'pages');
/** Gold labels of the real pages, one NAME.json per page, as ../shared/fixtures/gold has them. */
export const realGoldDir = path.join(projectRoot, 'tests', 'fixtures', 'gold');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const nameOf = (file) => path.basename(file, '.html');

/** Every fixture page: { name, host, path, kind, note, source ('shared' | 'real' | 'e2e'), body() }. */
export function loadFixturePages() {
  if (!fs.existsSync(path.join(sharedPagesDir, 'manifest.json'))) {
    throw new Error(`no fixture manifest at ${sharedPagesDir}/manifest.json (the shared folder sits beside the project)`);
  }
  const shared = readJson(path.join(sharedPagesDir, 'manifest.json')).map((entry) => ({
    ...entry,
    name: nameOf(entry.file),
    source: 'shared',
    body: () => fs.readFileSync(path.join(sharedPagesDir, entry.file)),
  }));
  const real = readJson(path.join(realPagesDir, 'manifest.json')).map((entry) => ({
    ...entry,
    name: nameOf(entry.file),
    source: 'real',
    body: () => fs.readFileSync(path.join(realPagesDir, entry.file)),
  }));
  const ownManifest = path.join(ownPagesDir, 'manifest.json');
  const own = fs.existsSync(ownManifest) ? readJson(ownManifest) : [];
  const pages = [...shared, ...real];
  for (const entry of own) {
    if (entry.templates) {
      pages.push(...templatePages(pages, entry.templates));
      continue;
    }
    const page = { ...entry, name: entry.name ?? nameOf(entry.file), source: 'e2e' };
    if (entry.file) {
      page.body = () => fs.readFileSync(path.join(ownPagesDir, entry.file));
    } else if (entry.repeat) {
      let cached;
      page.body = () => (cached ??= repeatArticle(pages, entry.repeat));
    } else if (entry.spans) {
      let cached;
      page.body = () => (cached ??= spanPerCharacter(pages, entry.spans));
    } else {
      throw new Error(`${ownManifest}: entry ${page.name} has neither file, repeat, spans nor templates`);
    }
    pages.push(page);
  }
  return pages;
}

// Repeats the markup between two markers of another page until the page weighs about `bytes`.
function repeatArticle(pages, { page: sourceName, from, to, bytes }) {
  const source = pages.find((p) => p.name === sourceName);
  if (!source) throw new Error(`repeat: no fixture page named ${sourceName}`);
  const html = source.body().toString('utf8');
  const start = html.indexOf(from);
  const end = start < 0 ? -1 : html.indexOf(to, start + from.length);
  if (end < 0) throw new Error(`repeat: markers ${from} … ${to} not found in ${sourceName}`);
  const head = html.slice(0, start + from.length);
  const article = html.slice(start + from.length, end);
  const tail = html.slice(end);
  const frame = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const copies = Math.max(1, Math.round((bytes - frame) / Buffer.byteLength(article)));
  return Buffer.from(head + article.repeat(copies) + tail);
}

// Other pages re-dressed in each template of page-templates.mjs: NAME--SLUG on the same host, under /templates/SLUG/.
// With `bytes`, the article's paragraphs are repeated until the page weighs about that much.
function templatePages(pages, { pages: names, slugs, bytes, suffix = '' }) {
  const out = [];
  for (const sourceName of names) {
    const source = pages.find((p) => p.name === sourceName);
    if (!source) throw new Error(`templates: no fixture page named ${sourceName}`);
    for (const template of TEMPLATES.filter((t) => !slugs || slugs.includes(t.slug))) {
      let cached;
      out.push({
        name: `${sourceName}--${template.slug}${suffix}`,
        host: source.host,
        path: `/templates/${template.slug}${suffix}${source.path}`,
        kind: source.kind,
        note: `${sourceName} as ${template.name}${bytes ? `, about ${Math.round(bytes / 1000)} KB` : ''}`,
        source: 'e2e',
        body: () => (cached ??= renderTemplate(source, template, bytes)),
      });
    }
  }
  return out;
}

function renderTemplate(source, template, bytes) {
  const { JSDOM } = createRequire(import.meta.url)('jsdom');
  const parts = partsOf(new JSDOM(source.body().toString('utf8')).window.document);
  let html = template.render(parts);
  if (bytes) {
    const copies = Math.max(1, Math.round(bytes / Buffer.byteLength(html)));
    html = template.render({ ...parts, paragraphs: Array.from({ length: copies }, () => parts.paragraphs).flat() });
  }
  return Buffer.from(html);
}

// Another page's article with every character of its text in a <span> of its own (as PDF converters and some
// editors write text), repeated until it holds `count` spans: a page of a hundred thousand tiny inline elements.
function spanPerCharacter(pages, { page: sourceName, from, to, count }) {
  const source = pages.find((p) => p.name === sourceName);
  if (!source) throw new Error(`spans: no fixture page named ${sourceName}`);
  const html = source.body().toString('utf8');
  const start = html.indexOf(from);
  const end = start < 0 ? -1 : html.indexOf(to, start + from.length);
  if (end < 0) throw new Error(`spans: markers ${from} … ${to} not found in ${sourceName}`);
  let spans = 0;
  const article = html.slice(start + from.length, end).replace(/>([^<]+)</g, (_, text) => {
    const chars = [...text.trim()];
    spans += chars.length;
    return `>${chars.map((c) => `<span>${c}</span>`).join('')}<`;
  });
  const copies = Math.max(1, Math.ceil(count / Math.max(1, spans)));
  return Buffer.from(html.slice(0, start + from.length) + article.repeat(copies) + html.slice(end));
}

/**
 * Starts the server. Returns { server, port, pages, hosts, url(host, path), urlFor(name), withdraw(name),
 * restore(name), close() }. `urlFor` takes a page name: the file name without .html, or the `name` of a generated
 * page. `withdraw` makes a page 404 for every browser and tab, as a site that took it down (restore undoes it).
 */
export async function serveFixtures({ port = 0 } = {}) {
  const pages = loadFixturePages();
  const byAddress = new Map(pages.map((p) => [`${p.host}${p.path}`, p]));
  const withdrawn = new Set();
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    let address = '';
    // The query is part of the address: a site's search page (/search/search.html?searchWord=…) is a page of its own.
    try { address = `${host}${decodeURIComponent(req.url)}`; } catch { /* malformed escape: 404 */ }
    const page = byAddress.get(address);
    if (!page || withdrawn.has(page.name)) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    const body = page.body();
    // no-store: a benchmark's reloads must each fetch and parse the page like a first visit.
    res.writeHead(200, {
      'content-type': `text/html; charset=${page.encoding ?? 'utf-8'}`,
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  const url = (host, pagePath) => `http://${host}:${actualPort}${encodeURI(pagePath)}`;
  const named = (name) => {
    const page = pages.find((p) => p.name === name);
    if (!page) throw new Error(`no fixture page named ${name}; known: ${pages.map((p) => p.name).join(', ')}`);
    return page;
  };
  const urlFor = (name) => {
    const page = named(name);
    return url(page.host, page.path);
  };
  return {
    server,
    port: actualPort,
    pages,
    hosts: [...new Set(pages.map((p) => p.host))],
    url,
    urlFor,
    withdraw: (name) => void withdrawn.add(named(name).name),
    restore: (name) => void withdrawn.delete(named(name).name),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The --host-resolver-rules value that sends `hosts` to this machine and every other name nowhere. */
export function hostResolverRules(hosts, { isolate = true } = {}) {
  const rules = [...new Set(hosts)].map((h) => `MAP ${h} 127.0.0.1`);
  if (isolate) rules.push('MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1');
  return rules.join(', ');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fixtures = await serveFixtures({ port: Number(process.argv[2] ?? 0) });
  const width = Math.max(...fixtures.pages.map((p) => p.name.length));
  for (const p of fixtures.pages) console.log(`${p.name.padEnd(width)}  ${p.kind.padEnd(8)}  ${fixtures.urlFor(p.name)}`);
  console.log(`\nServing on 127.0.0.1:${fixtures.port}. These hosts resolve here only inside a browser started with`);
  console.log(`  --host-resolver-rules="${hostResolverRules(fixtures.hosts, { isolate: false })}"`);
  console.log(`or with curl: curl -H 'Host: ${fixtures.pages[0].host}' http://127.0.0.1:${fixtures.port}${encodeURI(fixtures.pages[0].path)}`);
  console.log('Ctrl-C stops the server.');
}
