// Building the extension and starting a browser with it loaded, shared by the e2e harness, the benchmark
// and `npm start`: Debian's Chromium through playwright-core, Debian's Firefox ESR through puppeteer-core
// (WebDriver BiDi; playwright-core speaks BiDi only to newer Firefox releases than ESR 140). The Chromium
// flags are those of ../shared/tools/recognition-score/score.mjs, which are the hidden evaluation's: what
// passes here is measured under the same conditions there.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { hostResolverRules, serveFixtures } from './serve-fixtures.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// PIZHU_EXTENSION_DIR points the tests and the benchmark at another build, e.g. one made from a clean checkout
// (a Chromium build; PIZHU_FIREFOX_EXTENSION_DIR does the same for Firefox).
export const extensionDir = process.env.PIZHU_EXTENSION_DIR
  ? path.resolve(process.env.PIZHU_EXTENSION_DIR)
  : path.join(projectRoot, '.output', 'chrome-mv3');
/** The build the benchmark measures: the same code plus the library's bench hook (`wxt build --mode bench`). */
export const benchExtensionDir = path.join(projectRoot, '.output', 'chrome-mv3-bench');
export const firefoxExtensionDir = process.env.PIZHU_FIREFOX_EXTENSION_DIR
  ? path.resolve(process.env.PIZHU_FIREFOX_EXTENSION_DIR)
  : path.join(projectRoot, '.output', 'firefox-mv3');
export const chromiumPath = () => process.env.CHROMIUM ?? '/usr/bin/chromium';
export const firefoxPath = () => process.env.FIREFOX ?? '/usr/bin/firefox-esr';

// A build is stale when any file it could read is newer: everything in the project but dependencies,
// dot-folders (.output, .wxt, .git), the tests and these scripts.
const notBuildInputs = new Set(['node_modules', 'tests', 'scripts']);

function newestMtime(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file)
    .filter((f) => !f.startsWith('.') && !(file === projectRoot && notBuildInputs.has(f)))
    // A folder's own time counts (a file deleted from it), but not the root's: logs come and go there.
    .reduce((m, f) => Math.max(m, newestMtime(path.join(file, f))), file === projectRoot ? 0 : stat.mtimeMs);
}

function isBuildStale(dir) {
  const manifest = path.join(dir, 'manifest.json');
  return !fs.existsSync(manifest) || newestMtime(projectRoot) > fs.statSync(manifest).mtimeMs;
}

const builds = {
  chromium: { dir: () => extensionDir, given: 'PIZHU_EXTENSION_DIR', args: ['wxt', 'build'] },
  firefox: { dir: () => firefoxExtensionDir, given: 'PIZHU_FIREFOX_EXTENSION_DIR', args: ['wxt', 'build', '-b', 'firefox', '--mv3'] },
};

/**
/**
 * Runs `npx wxt build` (output .output/chrome-mv3), or for Firefox `npx wxt build -b firefox --mv3`
 * (.output/firefox-mv3), and with mode 'bench' the bench build (.output/chrome-mv3-bench); with ifStale, only when
 * a source is newer than the build. Never when PIZHU_EXTENSION_DIR (PIZHU_FIREFOX_EXTENSION_DIR) names another
 * build: that one is used as it is.
 */
export function buildExtension({ ifStale = false, browser = 'chromium', mode = 'production' } = {}) {
  const build = builds[browser];
  const dir = mode === 'bench' ? benchExtensionDir : build.dir();
  if (process.env[build.given] || (ifStale && !isBuildStale(dir))) return;
  const args = [...build.args, ...(mode === 'production' ? [] : ['--mode', mode])];
  execFileSync('npx', args, { cwd: projectRoot, stdio: 'inherit', env: buildEnv() });
}

/**
 * The environment without what a test runner puts in it: Vitest copies Vite's import.meta.env into process.env
 * (NODE_ENV=test, MODE=test, DEV=1…), and a build that inherits them is a development build, preact's debug code
 * and all: not what users get.
 */
function buildEnv() {
  const env = { ...process.env };
  for (const key of ['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** Throws the fix to type when there is no Chromium to drive. */
export function assertChromium() {
  const bin = chromiumPath();
  if (!fs.existsSync(bin)) {
    throw new Error(`Chromium not found at ${bin}. Install Debian's: run: apt-get install -y chromium `
      + '(or set $CHROMIUM to a Chromium binary)');
  }
}

/** Throws the fix to type when there is no Firefox to drive. */
export function assertFirefox() {
  const bin = firefoxPath();
  if (!fs.existsSync(bin)) {
    throw new Error(`Firefox not found at ${bin}. Install Debian's: run: apt-get install -y firefox-esr `
      + '(or set $FIREFOX to a Firefox binary, 140 or later)');
  }
}

/** Chromium's command-line flags for loading `dir` unpacked with `hosts` served by this machine. */
export function chromiumArgs({ dir = extensionDir, hosts, isolate = true }) {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--host-resolver-rules=${hostResolverRules(hosts, { isolate })}`];
}

/**
 * Serves the fixture pages and starts Chromium on a fresh profile with the built extension (or on `profileDir`,
 * which is kept when the browser closes, so that a test can start the same profile again). `fixtures`: another
 * browser's fixture server (`.server`), to share its pages and URLs; it is left running when this one closes.
 * Resolves to { context, serviceWorker, extensionId, server, urlFor(name), close() }; `server` is what
 * serveFixtures returned (pages, url(host, path), port…).
 */
export async function launchWithExtension({ extensionDir: dir = extensionDir, hosts = [], headless = true, locale, profileDir, fixtures } = {}) {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`no built extension in ${dir}: run npx wxt build first`);
  }
  assertChromium();
  // Browsers that must see the same pages at the same URLs (a team's) share one fixture server.
  const server = fixtures ?? await serveFixtures();
  const profile = profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-chromium-'));
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const cleanUp = async () => {
    if (!fixtures) await server.close();
    if (!profileDir) fs.rmSync(profile, { recursive: true, force: true });
  };
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless,
      // A locale sets the browser's UI language too (what chrome.i18n speaks), where its language pack is installed.
      // (Chromium on Linux takes its UI language from LANGUAGE, not from --lang.)
      ...(locale ? { locale, env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: 'C.UTF-8' } } : {}),
      args: [...chromiumArgs({ dir, hosts: [...server.hosts, ...hosts] }), ...(locale ? [`--lang=${locale}`] : [])],
    });
    const serviceWorker = context.serviceWorkers()[0]
      ?? await context.waitForEvent('serviceworker', { timeout: 15_000 });
    const extensionId = new URL(serviceWorker.url()).host;
    let closing;
    return {
      context,
      serviceWorker,
      extensionId,
      extensionUrl: (file) => `chrome-extension://${extensionId}/${file}`,
      server,
      urlFor: server.urlFor,
      // Idempotent: a benchmark may close a browser whose page froze, which its runner closes again.
      close: () => (closing ??= (async () => {
        await context.close().catch(() => {});
        await cleanUp();
      })()),
    };
  } catch (e) {
    await context?.close().catch(() => {});
    await cleanUp();
    throw e;
  }
}

/**
 * Firefox's preferences for a profile that reaches the fixture server and saves downloads without asking.
 * network.dns.forceResolve is Firefox's nearest to --host-resolver-rules: every host name resolves to this
 * machine, so the fixture hosts reach the server on the port their URLs carry, and every other name finds
 * nothing listening. extensions.webextensions.uuids fixes the add-on's moz-extension:// host in advance.
 */
export function firefoxPrefs({ addonId, uuid, downloadDir }) {
  return {
    'network.dns.forceResolve': '127.0.0.1',
    // An https:// attempt before each http:// fixture page would only slow every visit.
    'dom.security.https_first': false,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'browser.download.dir': downloadDir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
  };
}

/**
 * Serves the fixture pages and starts Firefox (puppeteer-core over WebDriver BiDi) on a fresh profile, with the
 * Firefox build installed as a temporary add-on, as about:debugging's "Load Temporary Add-on…" does. Resolves to
 * { browser (puppeteer's), addonId, extensionId (the moz-extension:// host), extensionUrl(file), downloadDir,
 * server, urlFor(name), close() }. `prefs` adds to or overrides firefoxPrefs; `server`, a fixture server already
 * running, is used instead of a new one, and left running by close().
 */
export async function launchFirefoxWithExtension({
  extensionDir: dir = firefoxExtensionDir, headless = true, prefs = {}, server: given,
} = {}) {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`no built extension in ${dir}: run npx wxt build -b firefox --mv3 first`);
  }
  assertFirefox();
  const addonId = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const server = given ?? await serveFixtures();
  const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-firefox-downloads-'));
  const cleanUp = async () => {
    if (!given) await server.close();
    fs.rmSync(downloadDir, { recursive: true, force: true });
  };
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless,
      // Playwright's default, so that what is in view is the same in both browsers.
      defaultViewport: { width: 1280, height: 720 },
      extraPrefsFirefox: { ...firefoxPrefs({ addonId, uuid, downloadDir }), ...prefs },
    });
    await browser.installExtension(dir);
    return {
      browser,
      addonId,
      extensionId: uuid,
      extensionUrl: (file) => `moz-extension://${uuid}/${file}`,
      downloadDir,
      server,
      urlFor: server.urlFor,
      close: async () => {
        await browser.close().catch(() => {});
        await cleanUp();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => {});
    await cleanUp();
    throw e;
  }
}

/**
 * Opens `url` and waits, as the evaluation does, up to `timeout` ms for the content script to publish the
 * page's kind, then 150 ms for it to settle. Resolves to that kind, or null when none came.
 */
export async function visit(page, url, { timeout = 8000 } = {}) {
  const response = await page.goto(url, { waitUntil: 'load' });
  // An address the fixture server does not know answers 404, and its error page is a page of kind none: a fixture of
  // kind none would pass every test there without ever being read.
  const status = response?.status?.() ?? 0;
  if (status >= 400) throw new Error(`${url} answered ${status}: no fixture page is served there`);
  return settle(page, timeout);
}

/** As visit, for the page already open: reload it and wait for a fresh scan. */
export async function revisit(page, { timeout = 8000 } = {}) {
  await page.reload({ waitUntil: 'load' });
  return settle(page, timeout);
}

/**
 * Runs in a page (page.evaluate): selects the first occurrence of `phrase` in its text, as a script would, which
 * Pizhu takes for no user's selection until a key extends it. True when the phrase was there.
 */
export function selectPhraseInPage(phrase) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.data.indexOf(phrase);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return true;
  }
  return false;
}

async function settle(page, timeout) {
  await page.waitForFunction(() => !!document.documentElement.dataset.pizhuKind, null, { timeout }).catch(() => {});
  await page.waitForTimeout(150);
  return page.evaluate(() => document.documentElement.dataset.pizhuKind ?? null);
}
