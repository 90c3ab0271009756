// Runs once before each e2e project's files: they all drive the same build of the extension, in Debian's Chromium
// or, in the e2e-firefox project, in Debian's Firefox ESR.
import type { TestProject } from 'vitest/node';
import { assertChromium, assertFirefox, buildExtension } from '../../scripts/extension-browser.mjs';

export default function setup(project: TestProject) {
  const browser = project.config.env.PIZHU_BROWSER === 'firefox' ? 'firefox' : 'chromium';
  if (browser === 'firefox') assertFirefox();
  else assertChromium();
  // PIZHU_SKIP_BUILD=1 reuses .output/chrome-mv3 (.output/firefox-mv3) as it is, e.g. right after a build of one's own.
  if (process.env.PIZHU_SKIP_BUILD !== '1') buildExtension({ browser });
}
