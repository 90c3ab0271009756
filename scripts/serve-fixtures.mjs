// Serves the fixture pages on 127.0.0.1 under their real host and path, so the extension meets them as it
// would on the web (Chromium maps the hosts to this server with --host-resolver-rules).
//
//   node scripts/serve-fixtures.mjs [PORT]      prints every page's URL and keeps serving
//
// Pages come from two manifests: ../shared/fixtures/pages/manifest.json (read-only, shared with the
// recognition score) and tests/e2e/fixtures/manifest.json (ours). An entry of ours either names a `file`
// beside its manifest or `repeat`s another page's article up to a size, which keeps megabyte pages out of git.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared/fixtures beside the project: pages/ (with manifest.json) and gold/. */
export const sharedFixturesDir = path.resolve(projectRoot, '..', 'shared', 'fixtures');
const sharedPagesDir = path.join(sharedFixturesDir, 'pages');
const ownPagesDir = path.join(projectRoot, 'tests', 'e2e', 'fixtures');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const nameOf = (file) => path.basename(file, '.html');

/** Every fixture page: { name, host, path, kind, note, source, body() }. */
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
  const ownManifest = path.join(ownPagesDir, 'manifest.json');
  const own = fs.existsSync(ownManifest) ? readJson(ownManifest) : [];
  const pages = [...shared];
  for (const entry of own) {
    const page = { ...entry, name: entry.name ?? nameOf(entry.file), source: 'e2e' };
    if (entry.file) {
      page.body = () => fs.readFileSync(path.join(ownPagesDir, entry.file));
    } else if (entry.repeat) {
      let cached;
      page.body = () => (cached ??= repeatArticle(pages, entry.repeat));
    } else {
      throw new Error(`${ownManifest}: entry ${page.name} has neither file nor repeat`);
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
    try { address = `${host}${decodeURIComponent(req.url.split('?')[0])}`; } catch { /* malformed escape: 404 */ }
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
