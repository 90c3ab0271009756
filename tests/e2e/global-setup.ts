// Runs once before the e2e files: they all drive the same build of the extension in Debian's Chromium.
import { assertChromium, buildExtension } from '../../scripts/extension-browser.mjs';

export default function setup() {
  assertChromium();
  // PIZHU_SKIP_BUILD=1 reuses .output/chrome-mv3 as it is, e.g. right after a build of one's own.
  if (process.env.PIZHU_SKIP_BUILD !== '1') buildExtension();
}
