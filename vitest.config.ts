import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: fast unit tests of the pure logic (and of DOM helpers under jsdom), and the end-to-end tests
// that drive a browser with the built extension loaded, once in Debian's Chromium and once in Debian's Firefox
// ESR (each builds its extension first, see tests/e2e/global-setup.ts).
const e2e = (name: string, browser: 'chromium' | 'firefox', exclude: string[] = []) => ({
  test: {
    name,
    include: ['tests/e2e/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...exclude],
    environment: 'node' as const,
    env: { PIZHU_BROWSER: browser },
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // A poll waits for the browser, not for a result computed here: Vitest's default of one second was met on an
    // idle machine and missed on a loaded CI runner (a frame's first load, a slow service worker start).
    expect: { poll: { timeout: 10_000, interval: 100 } },
    // One browser at a time: CI machines have two cores. The projects run one after the other, too.
    fileParallelism: false,
    sequence: { groupOrder: browser === 'chromium' ? 1 : 2 },
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      e2e('e2e', 'chromium', ['tests/e2e/firefox-*.test.ts']),
      // The same tests in Firefox ESR through tests/e2e/firefox-driver.ts, and those of Firefox alone (firefox-*);
      // not those of Chromium alone (chromium-*), nor those of the build that drive no browser of the run's.
      e2e('e2e-firefox', 'firefox', [
        'tests/e2e/chromium-*.test.ts', 'tests/e2e/size.test.ts', 'tests/e2e/screenshots.test.ts',
      ]),
    ],
  },
});
