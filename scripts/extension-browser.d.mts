import type { BrowserContext, Worker } from 'playwright-core';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import type { FixtureServer } from './serve-fixtures.mjs';

export const projectRoot: string;
export const extensionDir: string;
export const benchExtensionDir: string;
export const firefoxExtensionDir: string;
export function chromiumPath(): string;
export function firefoxPath(): string;
export function buildExtension(options?: { ifStale?: boolean; browser?: 'chromium' | 'firefox'; mode?: 'production' | 'bench' }): void;
export function assertChromium(): void;
export function assertFirefox(): void;
export function chromiumArgs(options: { dir?: string; hosts: string[]; isolate?: boolean }): string[];
export function firefoxPrefs(options: { addonId: string; uuid: string; downloadDir: string }): Record<string, unknown>;

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** chrome-extension://ID/file */
  extensionUrl(file: string): string;
  server: FixtureServer;
  urlFor(name: string): string;
  close(): Promise<void>;
}

export interface FirefoxWithExtension {
  browser: PuppeteerBrowser;
  /** The add-on id of the manifest (browser_specific_settings.gecko.id). */
  addonId: string;
  /** The moz-extension:// host this profile gave the add-on. */
  extensionId: string;
  /** moz-extension://UUID/file */
  extensionUrl(file: string): string;
  /** Where the profile saves downloads without asking. */
  downloadDir: string;
  server: FixtureServer;
  urlFor(name: string): string;
  close(): Promise<void>;
}

export function launchFirefoxWithExtension(options?: {
  extensionDir?: string;
  headless?: boolean;
  prefs?: Record<string, unknown>;
  /** A fixture server already running: used instead of a new one, and left running by close(). */
  server?: FixtureServer;
}): Promise<FirefoxWithExtension>;

export function launchWithExtension(options?: {
  extensionDir?: string;
  hosts?: string[];
  headless?: boolean;
  /** e.g. 'zh-CN' or 'en-US': the pages' and the browser's UI language. */
  locale?: string;
  /** A profile folder to use and keep (a restart of the same browser); a fresh temporary one when absent. */
  profileDir?: string;
  /** Another browser's fixture server, so that both see the pages at the same URLs (left running on close). */
  fixtures?: FixtureServer;
}): Promise<ExtensionBrowser>;
/** What visit and revisit ask of a page: Playwright's have it, and so do the e2e harness's Firefox pages. */
export interface VisitedPage {
  /** Resolves to the response (its status() read by visit), as Playwright's and Puppeteer's goto do. */
  goto(url: string, options?: { waitUntil?: 'load' }): Promise<unknown>;
  reload(options?: { waitUntil?: 'load' }): Promise<unknown>;
  waitForFunction(fn: () => boolean, arg: null, options: { timeout: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  evaluate<R>(fn: () => R): Promise<R>;
}
export function visit(page: VisitedPage, url: string, options?: { timeout?: number }): Promise<string | null>;
export function revisit(page: VisitedPage, options?: { timeout?: number }): Promise<string | null>;
export function selectPhraseInPage(phrase: string): boolean;
