// The harness's Page and Locator (driver.ts) in Firefox, over puppeteer-core and WebDriver BiDi, with
// Playwright's meaning: locators are looked up afresh on every use and pierce open shadow roots, actions wait
// for their element (30 s) and refuse when a locator names several, getByRole matches roles and accessible
// names as Playwright does for the roles our pages use. Input goes through BiDi, so pages see trusted events.
// Closed shadow roots are reached over puppeteer's own BiDi session (firefoxClosedShadowRoots).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, ElementHandle, Frame as PuppeteerFrame, HTTPRequest, KeyInput, Page as PuppeteerPage, Target } from 'puppeteer-core';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/extension-browser.mjs';
import type { BrowserContext, ClosedShadowRoots, Download, ExtensionBrowser, Frame, Locator, Page, Role, Route, TextMatch } from './driver';

const TIMEOUT = 30_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `attempt` every 100 ms until it returns something other than undefined, or throws `what` at the timeout. */
async function poll<T>(what: () => string, attempt: () => Promise<T | undefined>, timeout = TIMEOUT): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > end) throw new Error(`${what()}: not within ${timeout} ms`);
    await sleep(100);
  }
}

// ---- Locators, resolved in the page ----------------------------------------------------------------------

type SerialText = { text: string } | { source: string; flags: string };
type Step =
  | { css: string }
  | { role: Role; name?: SerialText }
  | { hasText: SerialText }
  | { has: Step[] }
  | { first: true };
type Query = { chain: Step[]; op: 'count' | 'texts' | 'one' | 'element'; visible?: boolean };
interface One { count: number; visible: boolean; text: string | null; value: string | null; checked: boolean; attributes: Record<string, string> }

const serialText = (t: TextMatch): SerialText => (typeof t === 'string' ? { text: t } : { source: t.source, flags: t.flags });
const describeText = (t: SerialText) => ('text' in t ? JSON.stringify(t.text) : `/${t.source}/${t.flags}`);
function describe(chain: Step[]): string {
  return chain.map((s) => ('css' in s ? s.css : 'role' in s ? `role=${s.role}${s.name ? `[name=${describeText(s.name)}]` : ''}`
    : 'hasText' in s ? `:has-text(${describeText(s.hasText)})` : 'has' in s ? `:has(${describe(s.has)})` : 'first')).join(' >> ');
}

/**
 * Runs in the page (so it may use nothing from outside itself): the elements a chain of steps names, in document
 * order with each open shadow root's content after its host, and what `op` asks of them.
 */
function inPage({ chain, op, visible }: Query): unknown {
  const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
  const textMatches = (t: SerialText, text: string) => ('text' in t
    ? normalize(text).toLowerCase().includes(normalize(t.text).toLowerCase())
    : new RegExp(t.source, t.flags).test(normalize(text)));
  const parentOf = (el: Element): Element | null => el.parentElement
    ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
  const descendants = (root: ParentNode): Element[] => {
    const out: Element[] = [];
    const walk = (node: ParentNode) => {
      for (const child of Array.from(node.children)) {
        out.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    walk(root);
    return out;
  };
  // A selector of compound selectors joined by white space (descendant combinators): that is all the tests write.
  const compounds = (selector: string) => {
    const parts: string[] = [];
    let depth = 0, quote = '', current = '';
    for (const c of selector) {
      if (quote) { if (c === quote) quote = ''; }
      else if (c === '"' || c === '\'') quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') depth--;
      else if (depth === 0 && /[>+~,]/.test(c)) throw new Error(`only descendant combinators are supported: ${selector}`);
      if (!quote && depth === 0 && /\s/.test(c)) {
        if (current) parts.push(current);
        current = '';
      } else current += c;
    }
    if (current) parts.push(current);
    return parts;
  };
  // Right to left, each ancestor (across shadow hosts) taken greedily: exact for descendant combinators.
  const matchesDeep = (el: Element, parts: string[]) => {
    if (!el.matches(parts[parts.length - 1])) return false;
    let i = parts.length - 2;
    for (let node = parentOf(el); node && i >= 0; node = parentOf(node)) if (node.matches(parts[i])) i--;
    return i < 0;
  };
  const isVisible = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const hiddenFromAccessibility = (el: Element) => {
    for (let node: Element | null = el; node; node = parentOf(node)) if (node.getAttribute('aria-hidden') === 'true') return true;
    return !el.checkVisibility({ visibilityProperty: true });
  };
  const implicitRole = (el: Element): string | null => {
    const tag = el.localName;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'input') {
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox' || type === 'radio') return type;
      if (['search', '', 'text', 'email', 'tel', 'url'].includes(type)) {
        return el.hasAttribute('list') ? 'combobox' : type === 'search' ? 'searchbox' : 'textbox';
      }
      return null;
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return (el as HTMLSelectElement).multiple || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'section') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
    if (tag === 'output') return 'status';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'fieldset') return 'group';
    return null;
  };
  const roleOf = (el: Element) => (el.getAttribute('role') ?? '').trim().split(/\s+/)[0] || implicitRole(el);
  // Roles whose name comes from their content when nothing names them otherwise (WAI-ARIA "name from content").
  const NAMED_BY_CONTENT = new Set(['button', 'checkbox', 'heading', 'link', 'tab', 'radio', 'option', 'cell', 'row', 'tooltip']);
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const root = el.getRootNode() as Document | ShadowRoot;
      return normalize(by.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
    }
    const label = el.getAttribute('aria-label');
    if (label?.trim()) return normalize(label);
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length) return normalize(Array.from(labels).map((l) => l.textContent ?? '').join(' '));
    if (el.localName === 'input' && ['button', 'submit', 'reset'].includes((el as HTMLInputElement).type)) {
      return normalize((el as HTMLInputElement).value);
    }
    // HTML-AAM: a fieldset is named by its first legend child, a table by its caption.
    const caption = el.localName === 'fieldset' ? ':scope > legend' : el.localName === 'table' ? ':scope > caption' : null;
    if (caption) {
      const named = el.querySelector(caption);
      if (named) return normalize(named.textContent ?? '');
    }
    if (NAMED_BY_CONTENT.has(roleOf(el) ?? '')) return normalize(el.textContent ?? '');
    return normalize(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
  };
  const unique = (els: Element[]) => [...new Set(els)];
  const resolve = (steps: Step[], scopes: ParentNode[]): Element[] => {
    let current: ParentNode[] = scopes;
    for (const step of steps) {
      const within = () => unique(current.flatMap((scope) => descendants(scope)));
      if ('css' in step) {
        const parts = compounds(step.css);
        current = within().filter((el) => matchesDeep(el, parts));
      } else if ('role' in step) {
        current = within().filter((el) => roleOf(el) === step.role && !hiddenFromAccessibility(el)
          && (!step.name || textMatches(step.name, nameOf(el))));
      } else if ('hasText' in step) {
        current = (current as Element[]).filter((el) => textMatches(step.hasText, el.textContent ?? ''));
      } else if ('has' in step) {
        current = (current as Element[]).filter((el) => resolve(step.has, [el]).length > 0);
      } else {
        current = current.slice(0, 1);
      }
    }
    return current as Element[];
  };

  const found = resolve(chain, [document]);
  if (op === 'count') return found.length;
  if (op === 'texts') return found.map((el) => el.textContent ?? '');
  if (op === 'element') {
    // More than one: Playwright's strict mode refuses, and so does the caller on this number.
    if (found.length !== 1) return found.length;
    return visible && !isVisible(found[0]) ? 0 : found[0];
  }
  const el = found[0] as HTMLInputElement | undefined;
  const one: One = {
    count: found.length,
    visible: !!el && isVisible(el),
    text: el?.textContent ?? null,
    value: el && 'value' in el ? String(el.value) : null,
    checked: !!el?.checked,
    attributes: el ? Object.fromEntries(Array.from(el.attributes).map((a) => [a.name, a.value])) : {},
  };
  return one;
}

class FirefoxLocator implements Locator {
  constructor(private readonly frame: FirefoxFrame, private readonly chain: Step[]) {}

  private with(...steps: Step[]) { return new FirefoxLocator(this.frame, [...this.chain, ...steps]); }
  private get name() { return describe(this.chain); }
  private strict(count: number): never {
    throw new Error(`strict mode violation: ${this.name} names ${count} elements`);
  }

  private run<T>(op: Query['op']): Promise<T> {
    return this.frame.retrying(() => this.frame.raw.evaluate(inPage, { chain: this.chain, op } as Query) as Promise<T>);
  }

  private async one(): Promise<One> {
    const one = await this.run<One>('one');
    if (one.count > 1) this.strict(one.count);
    return one;
  }

  /** The one element the locator names (visible, when asked), once there is one. */
  private element(visible = true): Promise<ElementHandle<Element>> {
    return poll(() => `waiting for ${this.name}${visible ? ' to be visible' : ''}`, async () => {
      const handle = await this.frame.retrying(() => this.frame.raw.evaluateHandle(inPage, { chain: this.chain, op: 'element', visible } as Query));
      const element = handle.asElement() as ElementHandle<Element> | null;
      if (element) return element;
      const count = (await handle.jsonValue()) as number;
      await handle.dispose();
      if (count > 1) this.strict(count);
      return undefined;
    });
  }

  first() { return this.with({ first: true }); }
  locator(selector: string, options: { hasText?: TextMatch; has?: Locator } = {}) {
    return this.with({ css: selector }).filter(options);
  }
  getByRole(role: Role, options: { name?: TextMatch } = {}) {
    return this.with({ role, name: options.name === undefined ? undefined : serialText(options.name) });
  }
  filter({ hasText, has }: { hasText?: TextMatch; has?: Locator }): FirefoxLocator {
    const steps: Step[] = [];
    if (hasText !== undefined) steps.push({ hasText: serialText(hasText) });
    if (has) steps.push({ has: (has as FirefoxLocator).chain });
    return this.with(...steps);
  }

  async click() {
    const element = await this.element();
    await this.clickOn(element);
    await element.dispose();
  }

  // Puppeteer places an element of a frame below the top by asking BiDi for the frame's element, with a locator
  // Firefox 140 does not know: there the element's centre is placed from the frame's own origin, and clicked. As
  // Playwright does before a click, the point must stand still (a frame that is placed again as its content grows,
  // like the tag picker's, moves the element under the mouse) and the element must be what is at that point.
  private async clickOn(element: ElementHandle<Element>) {
    if (!this.frame.parentFrame()) return element.click();
    await element.scrollIntoView();
    const point = async () => {
      const [origin, centre] = await Promise.all([this.frame.origin(), element.evaluate(async (el) => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const box = el.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const there = document.elementFromPoint(x, y);
        return { x, y, hit: !!there && (there === el || el.contains(there)) };
      })]);
      return { x: origin.x + centre.x, y: origin.y + centre.y, hit: centre.hit };
    };
    const at = await poll(() => `waiting for ${this.name} to stand still under the mouse`, async () => {
      const before = await point();
      const after = await point();
      return after.hit && before.x === after.x && before.y === after.y ? after : undefined;
    });
    await this.frame.page.mouse.click(at.x, at.y);
  }

  // As Playwright's fill: the text replaces the field's content as typed text would (trusted input events),
  // without key events that a page's shortcuts could take for keys.
  async fill(value: string) {
    const element = await this.element();
    await element.evaluate((el, text) => {
      const field = el as HTMLInputElement;
      field.focus();
      field.select();
      document.execCommand(text ? 'insertText' : 'delete', false, text);
      if (field.value !== text) throw new Error(`fill: the field holds ${JSON.stringify(field.value)}`);
    }, value);
    await element.dispose();
  }

  async press(key: string) {
    const element = await this.element();
    await element.focus();
    await element.dispose();
    await this.frame.page.keyboard.press(key);
  }

  private async setChecked(checked: boolean) {
    const element = await this.element();
    const state = () => element.evaluate((el) => (el as HTMLInputElement).checked);
    if ((await state()) !== checked) await this.clickOn(element);
    await poll(() => `${this.name} did not become ${checked ? 'checked' : 'unchecked'}`, async () => ((await state()) === checked ? true : undefined), 5000);
    await element.dispose();
  }
  check() { return this.setChecked(true); }
  uncheck() { return this.setChecked(false); }

  async selectOption({ index }: { index: number }) {
    const element = await this.element();
    const value = await element.evaluate((el, i) => {
      const select = el as HTMLSelectElement;
      select.selectedIndex = i;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return select.value;
    }, index);
    await element.dispose();
    return [value];
  }

  async isVisible() { return (await this.one()).visible; }
  count() { return this.run<number>('count'); }
  allTextContents() { return this.run<string[]>('texts'); }

  private async attached(): Promise<One> {
    return poll(() => `waiting for ${this.name}`, async () => {
      const one = await this.one();
      return one.count ? one : undefined;
    });
  }
  async textContent() { return (await this.attached()).text; }
  async inputValue() {
    const { value } = await this.attached();
    if (value === null) throw new Error(`${this.name} is not a field`);
    return value;
  }
  async getAttribute(name: string) { return (await this.attached()).attributes[name] ?? null; }
  /** A control with the disabled attribute (what the tests' buttons and fields use). */
  async isDisabled() { return (await this.attached()).attributes.disabled !== undefined; }

  async waitFor({ state = 'visible' }: { state?: 'attached' | 'detached' | 'visible' | 'hidden' } = {}) {
    await poll(() => `waiting for ${this.name} to be ${state}`, async () => {
      const { count, visible } = await this.one();
      const reached = state === 'attached' ? count > 0 : state === 'detached' ? count === 0 : state === 'visible' ? visible : !visible;
      return reached || undefined;
    });
  }
}

// ---- Frames and pages ------------------------------------------------------------------------------------------

/** Runs `work` again while a navigation replaces the document it ran in (or takes away a node it named). */
async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      const message = (e as Error).message ?? '';
      if (attempt >= 20 || !/context|realm|navigat|detached|destroyed|no such node/i.test(message)) throw e;
      await sleep(100);
    }
  }
}

/** Polls the document's readyState until `state`; `ready` may refuse a document that has the state (about:blank). */
function waitForReadyState(frame: PuppeteerFrame, state: 'load' | 'domcontentloaded', ready = (_href: string) => true) {
  return poll(() => `waiting for ${state}`, async () => {
    const here = await frame.evaluate(() => ({ href: location.href, readyState: document.readyState })).catch(() => null);
    if (!here || !ready(here.href)) return undefined;
    return (state === 'load' ? here.readyState === 'complete' : here.readyState !== 'loading') || undefined;
  });
}

class FirefoxFrame implements Frame {
  constructor(readonly raw: PuppeteerFrame, readonly page: FirefoxPage) {}

  /** Where this frame's viewport begins in the top document's. */
  async origin(): Promise<{ x: number; y: number }> {
    const parent = this.parentFrame();
    if (!parent) return { x: 0, y: 0 };
    const [above, owners] = await Promise.all([parent.origin(), frameOwners(parent)]);
    const owner = owners.find((o) => o.context === contextOf(this.raw));
    if (!owner) throw new Error(`no element holds the frame ${this.raw.url()}`);
    return { x: above.x + owner.x, y: above.y + owner.y };
  }

  retrying<T>(work: () => Promise<T>): Promise<T> { return retrying(work); }
  url() { return this.raw.url(); }
  parentFrame(): FirefoxFrame | null {
    const parent = this.raw.parentFrame();
    return parent ? this.page.frameFor(parent) : null;
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }
  async waitForLoadState(state: 'load' | 'domcontentloaded' = 'load') { await waitForReadyState(this.raw, state); }
  locator(selector: string, options: { hasText?: TextMatch; has?: Locator } = {}) {
    return new FirefoxLocator(this, []).locator(selector, options);
  }
  getByRole(role: Role, options: { name?: TextMatch } = {}) { return new FirefoxLocator(this, []).getByRole(role, options); }
}

class FirefoxPage implements Page {
  private routes = new Map<string, (route: Route) => unknown>();
  private interceptor?: (request: HTTPRequest) => void;
  /** The extension page this tab shows: BiDi does not report navigations to moz-extension:// pages. */
  private extensionLocation: string | null = null;
  /** One wrapper per frame, so that frames compare equal from call to call as Playwright's do. */
  private readonly wrappers = new WeakMap<PuppeteerFrame, FirefoxFrame>();

  constructor(readonly raw: PuppeteerPage, readonly browser: FirefoxBrowser) {}

  frameFor(raw: PuppeteerFrame): FirefoxFrame {
    let frame = this.wrappers.get(raw);
    if (!frame) this.wrappers.set(raw, (frame = new FirefoxFrame(raw, this)));
    return frame;
  }
  mainFrame() { return this.frameFor(this.raw.mainFrame()); }
  frames() { return this.raw.frames().map((frame) => this.frameFor(frame)); }

  /** Runs `work` again while a navigation replaces the document it ran in. */
  inPage<T>(work: () => Promise<T>): Promise<T> { return retrying(work); }

  // Navigations to extension pages are started and then watched from inside: the old document is marked, and the
  // new one is ready when an unmarked document of that URL has loaded.
  private async loadExtensionPage(url: string, start: () => Promise<unknown>) {
    await this.raw.evaluate(() => { (window as unknown as { pizhuLeft?: boolean }).pizhuLeft = true; }).catch(() => {});
    void start().catch(() => {});
    await poll(() => `loading ${url}`, async () => {
      const here = await this.raw.evaluate(() => ({
        href: location.href,
        ready: document.readyState === 'complete',
        left: !!(window as unknown as { pizhuLeft?: boolean }).pizhuLeft,
      })).catch(() => null);
      return here && here.href === url && here.ready && !here.left ? true : undefined;
    });
    this.extensionLocation = url;
  }

  async goto(url: string, { waitUntil = 'load' }: { waitUntil?: 'load' | 'domcontentloaded' } = {}) {
    if (url.startsWith('moz-extension:')) return this.loadExtensionPage(url, () => this.raw.goto(url, { timeout: 0 }));
    this.extensionLocation = null;
    return this.raw.goto(url, { waitUntil });
  }

  async reload({ waitUntil = 'load' }: { waitUntil?: 'load' | 'domcontentloaded' } = {}) {
    const here = this.extensionLocation;
    if (here) return this.loadExtensionPage(here, () => this.raw.evaluate(() => location.reload()));
    return this.raw.reload({ waitUntil });
  }

  url() { return this.extensionLocation ?? this.raw.url(); }

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }

  // Polled from here by time: puppeteer's own waitForFunction compiles its poller with Function(), which an
  // extension page's CSP forbids, and polls by animation frame, which Firefox runs only in painted windows.
  async waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, { timeout = TIMEOUT }: { timeout?: number } = {}) {
    return poll(() => 'waitForFunction', async () => (await this.inPage(() => this.evaluate(fn, arg as A))) || undefined, timeout);
  }

  waitForTimeout(ms: number) { return sleep(ms); }

  /** Set on a tab something else opened, until it leaves the about:blank every new tab starts at. */
  opening = false;

  async waitForLoadState(state: 'load' | 'domcontentloaded' = 'load') {
    await waitForReadyState(this.raw.mainFrame(), state, (href) => !(this.opening && href === 'about:blank'));
    this.opening = false;
  }

  /** The next file this browser saves, once it is whole (Firefox writes NAME.part, then renames it NAME). */
  async waitForEvent(_event: 'download', { timeout = TIMEOUT }: { timeout?: number } = {}): Promise<Download> {
    const dir = this.browser.downloadDir;
    const before = new Set(fs.readdirSync(dir));
    const name = await poll(() => 'waiting for a download', async () => {
      const files = fs.readdirSync(dir);
      return files.find((f) => !before.has(f) && !f.endsWith('.part') && !files.includes(`${f}.part`));
    }, timeout);
    const file = path.join(dir, name);
    // Firefox may put the final name down (empty) before the data lands: wait for the data.
    await poll(() => `waiting for ${name} to be written`, async () => {
      const part = fs.existsSync(`${file}.part`);
      return (!part && fs.statSync(file).size > 0) || undefined;
    }, timeout);
    // A name taken already in the folder gets "(1)" before its extension: the page's name is the one without.
    const suggested = name.replace(/\(\d+\)(?=\.[^.]+$)/, '');
    return { path: async () => file, saveAs: async (to: string) => fs.copyFileSync(file, to), suggestedFilename: () => suggested };
  }

  locator(selector: string, options: { hasText?: TextMatch; has?: Locator } = {}) { return this.mainFrame().locator(selector, options); }
  getByRole(role: Role, options: { name?: TextMatch } = {}) { return this.mainFrame().getByRole(role, options); }

  async setInputFiles(selector: string, file: string) {
    const handle = await this.inPage(() => poll(() => `waiting for ${selector}`, async () => {
      const h = await this.raw.evaluateHandle(inPage, { chain: [{ css: selector }], op: 'element' } as Query);
      const element = h.asElement() as ElementHandle<HTMLInputElement> | null;
      if (!element) await h.dispose();
      return element ?? undefined;
    }));
    await handle.uploadFile(file);
    await handle.dispose();
  }

  async route(url: string, handler: (route: Route) => unknown) {
    this.routes.set(url, handler);
    if (this.interceptor) return;
    this.interceptor = (request) => void this.intercept(request);
    this.raw.on('request', this.interceptor);
    await this.raw.setRequestInterception(true);
  }

  private async intercept(request: HTTPRequest) {
    const handler = this.routes.get(request.url());
    let answered = false;
    if (handler) {
      await handler({
        fulfill: async ({ contentType, body, status = 200 }) => {
          answered = true;
          await request.respond({ status, contentType, body });
        },
      });
    }
    if (!answered) await request.continue();
  }

  async unroute(url: string) {
    this.routes.delete(url);
    if (this.routes.size || !this.interceptor) return;
    await this.raw.setRequestInterception(false);
    this.raw.off('request', this.interceptor);
    this.interceptor = undefined;
  }

  // Straight over BiDi: puppeteer's setViewport also overrides the screen's orientation, a command Firefox 140 lacks.
  private viewport: { width: number; height: number } | null | undefined;
  async setViewportSize({ width, height }: { width: number; height: number }) {
    await this.browser.bidi('browsingContext.setViewport', { context: contextOf(this.raw.mainFrame()), viewport: { width, height } });
    this.viewport = { width, height };
  }
  viewportSize() {
    if (this.viewport === undefined) {
      const given = this.raw.viewport();
      this.viewport = given ? { width: given.width, height: given.height } : null;
    }
    return this.viewport;
  }

  bringToFront() { return this.raw.bringToFront(); }
  close() { return this.raw.close(); }

  mouse = {
    move: (x: number, y: number, options?: { steps?: number }) => this.raw.mouse.move(x, y, options),
    down: () => this.raw.mouse.down(),
    up: () => this.raw.mouse.up(),
    click: (x: number, y: number) => this.raw.mouse.click(x, y),
  };
  keyboard = {
    // Playwright's chords too (Shift+Tab): the modifiers held down around the key.
    press: async (key: string) => {
      const [last, ...modifiers] = (key.length > 1 ? key.split(/\+(?!$)/) : [key]).reverse() as KeyInput[];
      for (const modifier of [...modifiers].reverse()) await this.raw.keyboard.down(modifier);
      await this.raw.keyboard.press(last);
      for (const modifier of modifiers) await this.raw.keyboard.up(modifier);
    },
    type: (text: string) => this.raw.keyboard.type(text),
  };
}

// ---- The browser -----------------------------------------------------------------------------------------------

class FirefoxBrowser implements BrowserContext {
  private readonly pages = new WeakMap<PuppeteerPage, FirefoxPage>();
  readonly downloadDir: string;
  private readonly browser: Browser;

  constructor(launched: FirefoxWithExtension) {
    this.browser = launched.browser;
    this.downloadDir = launched.downloadDir;
  }

  private readonly announced = new Set<string>();

  /**
   * Tells puppeteer of the tabs Firefox opened without saying so: for a tab that a link of an extension page opens
   * (target=_blank in the side panel), Firefox 140 sends BiDi's navigationStarted but no contextCreated, and puppeteer
   * makes no page for a context it was not told of. The event it missed is given to it as the browser would have.
   */
  private async announceUnannounced() {
    const { contexts } = await this.bidi<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    const known = new Set((await this.browser.pages()).map((page) => contextOf(page.mainFrame())));
    const { connection } = this.browser as unknown as { connection: { emit(event: string, params: object): void } };
    for (const tab of contexts) {
      if (known.has(tab.context) || this.announced.has(tab.context)) continue;
      this.announced.add(tab.context);
      connection.emit('browsingContext.contextCreated', { ...tab, children: null, parent: null });
    }
  }

  /** A WebDriver BiDi command over puppeteer's own session, for what puppeteer's API does not offer. */
  async bidi<T>(method: string, params: object): Promise<T> {
    const { connection } = this.browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: T }> } };
    return (await connection.send(method, params)).result;
  }

  private wrap(raw: PuppeteerPage): FirefoxPage {
    let page = this.pages.get(raw);
    if (!page) this.pages.set(raw, (page = new FirefoxPage(raw, this)));
    return page;
  }

  /**
   * A page in a window of its own, as Chromium's headless pages are each on show: Firefox throttles timers and
   * runs no animation frames in a tab behind another.
   */
  async newPage(): Promise<FirefoxPage> {
    return this.wrap(await this.browser.newPage({ type: 'window' }));
  }

  async waitForEvent(_event: 'page'): Promise<FirefoxPage> {
    const known = new Set<Target>(this.browser.targets());
    const target = await poll(() => 'waiting for a new page', async () => {
      await this.announceUnannounced();
      return this.browser.targets().find((t) => t.type() === 'page' && !known.has(t));
    });
    const page = this.wrap((await target.page())!);
    page.opening = true;
    return page;
  }
}

// ---- Closed shadow roots ----------------------------------------------------------------------------------------
// WebDriver BiDi serializes an element's shadow root, closed ones too when asked (includeShadowTree: 'all'), as a
// node with an id that later calls may pass as an argument: the roots are found so, and used in a sandbox (BiDi's
// isolated world), where the page's scripts cannot change what the call sees.

type RemoteValue = { type: string; sharedId?: string; value?: unknown };
type CallResult = { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text: string } };

/** A puppeteer frame's id, which is its browsing context's. */
const contextOf = (frame: PuppeteerFrame) => (frame as unknown as { _id: string })._id;

/** Calls `fn` (a function's source) in the sandbox of `frame`'s document with `args` (BiDi's local values). */
async function callInSandbox(frame: FirefoxFrame, fn: string, args: object[], serializationOptions?: object): Promise<RemoteValue> {
  const call = await frame.page.browser.bidi<CallResult>('script.callFunction', {
    functionDeclaration: fn,
    target: { context: contextOf(frame.raw), sandbox: 'pizhu-tests' },
    arguments: args,
    awaitPromise: true,
    resultOwnership: 'none',
    ...(serializationOptions ? { serializationOptions } : {}),
  });
  if (call.type === 'exception') throw new Error(call.exceptionDetails.text);
  return call.result;
}

/** Runs in the page: the elements of the document and of its open shadow roots that are no open root's host. */
function maybeClosedHosts(): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of Array.from(node.children)) {
      if (el.shadowRoot) walk(el.shadowRoot);
      else out.push(el);
      walk(el);
    }
  };
  walk(document);
  return out;
}

/** The closed shadow roots of `frame`'s document (and of its open roots), as BiDi node references. */
async function closedRoots(frame: FirefoxFrame): Promise<{ sharedId: string }[]> {
  const hosts = await callInSandbox(frame, String(maybeClosedHosts), [], { includeShadowTree: 'all', maxDomDepth: 0 });
  return (hosts.value as { value?: { shadowRoot?: RemoteValue | null } }[])
    .map((host) => host.value?.shadowRoot)
    .filter((root): root is RemoteValue => (root?.value as { mode?: string } | undefined)?.mode === 'closed')
    .map((root) => ({ sharedId: root.sharedId! }));
}

/** Runs in the page: each frame element's window and where its content begins, in the document and in `closed`. */
function frameContents(...closed: ShadowRoot[]): [Window | null, number, number][] {
  const owners: HTMLIFrameElement[] = [];
  const walk = (scope: ParentNode) => {
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      if (el.localName === 'iframe' || el.localName === 'frame') owners.push(el as HTMLIFrameElement);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  for (const scope of [document, ...closed]) walk(scope);
  return owners.map((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return [el.contentWindow, box.left + el.clientLeft + parseFloat(style.paddingLeft), box.top + el.clientTop + parseFloat(style.paddingTop)];
  });
}

/** The frames held by elements of `frame`'s document (closed roots too): their contexts, and where they begin. */
async function frameOwners(frame: FirefoxFrame): Promise<{ context: string; x: number; y: number }[]> {
  const value = await callInSandbox(frame, String(frameContents), await closedRoots(frame));
  return (value.value as { value: [RemoteValue, RemoteValue, RemoteValue] }[]).flatMap(({ value: [window, x, y] }) =>
    (window.type === 'window' ? [{ context: (window.value as { context: string }).context, x: x.value as number, y: y.value as number }] : []));
}

export const firefoxClosedShadowRoots: ClosedShadowRoots = {
  evaluate<R, A>(page: Page, fn: (roots: ShadowRoot[], arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const firefox = page as FirefoxPage;
    // `arg` and the result travel as JSON, as they do in evaluate.
    const call = `async (arg, ...roots) => {
      const result = await (${String(fn)})(roots, JSON.parse(arg).arg);
      return result === undefined ? undefined : JSON.stringify(result);
    }`;
    return retrying(async () => {
      const roots = await closedRoots(firefox.mainFrame());
      const value = await callInSandbox(firefox.mainFrame(), call, [{ type: 'string', value: JSON.stringify({ arg }) }, ...roots]);
      return (value.type === 'string' ? JSON.parse(value.value as string) : undefined) as R;
    });
  },

  // The element's content window comes back as a reference to its browsing context, which is the frame's id.
  frame(page: Page, selector: string): Promise<Frame | null> {
    const firefox = page as FirefoxPage;
    const call = `(selector, ...roots) => {
      for (const root of roots) {
        const element = root.querySelector(selector);
        if (element) return element.contentWindow ?? null;
      }
      return null;
    }`;
    return retrying(async () => {
      const roots = await closedRoots(firefox.mainFrame());
      const value = await callInSandbox(firefox.mainFrame(), call, [{ type: 'string', value: selector }, ...roots]);
      if (value.type !== 'window') return null;
      const { context } = value.value as { context: string };
      const raw = firefox.raw.frames().find((frame) => contextOf(frame) === context);
      return raw ? firefox.frameFor(raw) : null;
    });
  },
};

export async function launchFirefox(
  options: { prefs?: Record<string, unknown>; server?: ExtensionBrowser['server'] } = {},
): Promise<ExtensionBrowser> {
  const launched = await launchFirefoxWithExtension(options);
  const context = new FirefoxBrowser(launched);
  // evaluateInExtension's page: one of the extension's own (the library), since WebDriver BiDi cannot reach the
  // background, an event page in Firefox.
  let extensionPage: Promise<FirefoxPage> | undefined;
  const inExtension = () => (extensionPage ??= (async () => {
    const page = await context.newPage();
    await page.goto(launched.extensionUrl('library.html'));
    return page;
  })());
  return {
    name: 'firefox',
    context,
    extensionId: launched.extensionId,
    extensionUrl: launched.extensionUrl,
    evaluateInExtension: async (fn, arg) => (await inExtension()).evaluate(fn, arg),
    server: launched.server,
    urlFor: launched.urlFor,
    close: launched.close,
  };
}
