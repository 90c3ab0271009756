// `npm start`: build the extension, serve the fixture pages under their real hosts, and open Chromium
// with the extension on the zhangdian report, for a person to read and annotate. Without a display it shows
// Pizhu at work all the same — screenshots taken in headless Chromium, in screenshots/ — and leaves the pages
// served, with what to do by hand. `npm start -- --firefox` does the same
// with Firefox ESR and the Firefox build (a temporary add-on on a fresh profile: kept for the session only).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {
  assertChromium, buildExtension, chromiumArgs, chromiumPath, extensionDir, firefoxExtensionDir, launchFirefoxWithExtension,
  projectRoot,
} from './extension-browser.mjs';
import { takeScreenshots } from './screenshots.mjs';
import { hostResolverRules, serveFixtures } from './serve-fixtures.mjs';

// A fixed port keeps page origins, and so what was stored for them, the same from one start to the next.
const preferredPort = Number(process.env.PORT ?? 47800);
const firstPage = 'zhangdian-2017-report';
const firefox = process.argv.includes('--firefox');

try {
  buildExtension({ browser: firefox ? 'firefox' : 'chromium' });
} catch {
  console.error('\nnpm start: the extension did not build (wxt build, output above).');
  process.exit(1);
}
const fixtures = await serveFixtures({ port: preferredPort })
  .catch((e) => (e.code === 'EADDRINUSE' ? serveFixtures() : Promise.reject(e)));
const rules = hostResolverRules(fixtures.hosts, { isolate: false });

console.log('\nFixture pages (served here under their own hosts):');
for (const p of fixtures.pages) console.log(`  ${p.name.padEnd(26)} ${p.kind.padEnd(9)} ${fixtures.urlFor(p.name)}`);
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (firefox) await startFirefox();
else await startChromium();

/** No window can open: Pizhu is photographed at work in a headless Chromium instead. */
async function showWithoutScreen() {
  console.log('No $DISPLAY (nor $WAYLAND_DISPLAY): no browser window can open here, so Pizhu is shown at work in a');
  console.log('headless Chromium instead; look at these pictures (or load the extension as above on a machine with a screen):');
  try {
    const shots = await takeScreenshots({ out: path.join(projectRoot, 'screenshots') });
    for (const s of shots) console.log(`  ${path.relative(process.cwd(), s.file)}  ${s.what}`);
  } catch (e) {
    console.log(`  (the screenshots could not be taken: ${e instanceof Error ? e.message : e})`);
  }
  console.log('The pages stay served until Ctrl-C.');
}

async function startChromium() {
  console.log(`
To load the extension by hand in Chromium or Chrome:
  1. open chrome://extensions and switch on Developer mode;
  2. "Load unpacked" and choose ${path.relative(process.cwd(), extensionDir) || extensionDir}
     (after a change: npm run build, then the reload arrow on the extension's card).
  The fixture hosts reach this server only in a browser started with
     --host-resolver-rules="${rules}"
`);
  if (!hasDisplay) {
    await showWithoutScreen();
    return;
  }
  assertChromium();
  const profile = path.join(os.tmpdir(), 'pizhu-start-profile');
  const browser = spawn(chromiumPath(), [...chromiumArgs({ hosts: fixtures.hosts, isolate: false }),
    `--user-data-dir=${profile}`, fixtures.urlFor(firstPage)], { cwd: projectRoot, stdio: 'ignore' });
  console.log(`Opening Chromium on ${firstPage} (profile ${profile}); closing it stops the server.`);
  browser.on('exit', async (code) => {
    if (code) {
      console.log(`Chromium exited with ${code}.`);
      process.exitCode = code;
    }
    await fixtures.close();
  });
  process.on('SIGINT', () => browser.kill());
}

async function startFirefox() {
  console.log(`
To load the extension by hand in Firefox (140 or later):
  1. open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…" and choose
     ${path.relative(process.cwd(), path.join(firefoxExtensionDir, 'manifest.json'))}
     (after a change: npm run build:firefox, then "Reload" on the add-on's card).
  The fixture hosts reach this server only in a Firefox profile whose about:config sets
     network.dns.forceResolve to 127.0.0.1 (it sends every host name here: use a profile of its own).
`);
  if (!hasDisplay) {
    await showWithoutScreen();
    return;
  }
  const launched = await launchFirefoxWithExtension({ headless: false, server: fixtures });
  const page = await launched.browser.newPage();
  await page.goto(fixtures.urlFor(firstPage));
  console.log(`Opened Firefox on ${firstPage}; closing it stops the server.`);
  launched.browser.on('disconnected', () => void launched.close().then(() => fixtures.close()));
  process.on('SIGINT', () => void launched.close().then(() => fixtures.close()));
}
