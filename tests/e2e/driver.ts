// What an end-to-end test may do with a browser, the same in Chromium and in Firefox: a subset of Playwright's
// Page and Locator, with Playwright's meaning. In Chromium it is playwright-core itself; in Firefox, which
// playwright-core cannot drive at ESR 140, firefox-driver.ts gives the same calls over puppeteer-core. A test
// written against these types runs in both; what is not here is not available in Firefox.
export type BrowserName = 'chromium' | 'firefox';

/** Text to look for: a string is found case-insensitively inside the text, a RegExp is tested against it. */
export type TextMatch = string | RegExp;

export type Role =
  | 'alert' | 'button' | 'checkbox' | 'combobox' | 'dialog' | 'group' | 'heading' | 'link' | 'region' | 'searchbox' | 'status'
  | 'radio' | 'tab' | 'textbox';

export interface Locator {
  first(): Locator;
  locator(selector: string, options?: { hasText?: TextMatch; has?: Locator }): Locator;
  getByRole(role: Role, options?: { name?: TextMatch }): Locator;
  filter(options: { hasText?: TextMatch; has?: Locator }): Locator;
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  press(key: string): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  selectOption(option: { index: number }): Promise<string[]>;
  isVisible(): Promise<boolean>;
  isDisabled(): Promise<boolean>;
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  inputValue(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden' }): Promise<void>;
}

export interface Download {
  /** Where the browser saved it. */
  path(): Promise<string | null>;
  saveAs(file: string): Promise<void>;
  /** The file name the page gave it. */
  suggestedFilename(): string;
}

export interface Route {
  fulfill(response: { contentType?: string; body: string; status?: number }): Promise<void>;
}

/**
 * A frame of a page (the page's own document is its main frame). url() is where the frame was last navigated to as the
 * browser reports it; Firefox reports no navigation to moz-extension:// pages, so there a frame holding one of the
 * extension's pages may still say about:blank: ask such a frame where it is (evaluate location.href).
 */
export interface Frame {
  url(): string;
  parentFrame(): Frame | null;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForLoadState(state?: 'load' | 'domcontentloaded'): Promise<void>;
  locator(selector: string, options?: { hasText?: TextMatch; has?: Locator }): Locator;
  getByRole(role: Role, options?: { name?: TextMatch }): Locator;
}

export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  reload(options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  url(): string;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  waitForLoadState(state?: 'load' | 'domcontentloaded'): Promise<void>;
  waitForEvent(event: 'download', options?: { timeout?: number }): Promise<Download>;
  locator(selector: string, options?: { hasText?: TextMatch; has?: Locator }): Locator;
  getByRole(role: Role, options?: { name?: TextMatch }): Locator;
  setInputFiles(selector: string, file: string): Promise<void>;
  /** Answers requests for exactly `url` with what `handler` fulfils, until unroute(url). */
  route(url: string, handler: (route: Route) => unknown): Promise<void>;
  unroute(url: string): Promise<void>;
  mainFrame(): Frame;
  /** The main frame and every frame below it. */
  frames(): Frame[];
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  viewportSize(): { width: number; height: number } | null;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  keyboard: {
    press(key: string): Promise<void>;
    /** Types `text` key by key (Playwright sends a character its keyboard layout lacks, such as 机, as text input). */
    type(text: string): Promise<void>;
  };
}

/**
 * What a page's scripts cannot reach and the browser's own tools can: the page's closed shadow roots, where Pizhu keeps
 * its UI, and the frames their elements hold. Over Chromium's DevTools protocol (chromium-driver.ts) and WebDriver
 * BiDi in Firefox (firefox-driver.ts); not Playwright's, which reaches open shadow roots only.
 */
export interface ClosedShadowRoots {
  /**
   * Runs `fn` in an isolated world of `page`'s document (the page's scripts cannot change what it sees there), with the
   * closed shadow roots of the document's elements and of those in its open shadow roots, in document order. `fn` and
   * `arg` travel as with evaluate, and so does what `fn` returns (JSON-like values).
   */
  evaluate<R, A>(page: Page, fn: (roots: ShadowRoot[], arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The frame held by the first element that matches `selector` in one of those roots, or null when there is none. */
  frame(page: Page, selector: string): Promise<Frame | null>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  /** The next tab opened (by the extension or a page). */
  waitForEvent(event: 'page'): Promise<Page>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  context: BrowserContext;
  /** The host of the extension's pages: chrome-extension://ID/, moz-extension://UUID/. */
  extensionId: string;
  extensionUrl(file: string): string;
  /**
   * Runs `fn` in the extension's origin with its APIs (`chrome.*`): its service worker in Chromium, one of its
   * pages in Firefox. It shares the extension's IndexedDB and storage with the background either way.
   */
  evaluateInExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  server: import('../../scripts/serve-fixtures.mjs').FixtureServer;
  urlFor(name: string): string;
  close(): Promise<void>;
}
