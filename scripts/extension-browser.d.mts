import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { FixtureServer } from './serve-fixtures.mjs';

export const projectRoot: string;
export const extensionDir: string;
export const benchExtensionDir: string;
export function chromiumPath(): string;
export function buildExtension(options?: { ifStale?: boolean; mode?: 'production' | 'bench' }): void;
export function assertChromium(): void;
export function chromiumArgs(options: { dir?: string; hosts: string[]; isolate?: boolean }): string[];

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  server: FixtureServer;
  urlFor(name: string): string;
  close(): Promise<void>;
}

export function launchWithExtension(options?: {
  extensionDir?: string;
  hosts?: string[];
  headless?: boolean;
  /** A profile folder to use and keep (a restart of the same browser); a fresh temporary one when absent. */
  profileDir?: string;
  /** Another browser's fixture server, so that both see the pages at the same URLs (left running on close). */
  fixtures?: FixtureServer;
}): Promise<ExtensionBrowser>;
export function visit(page: Page, url: string, options?: { timeout?: number }): Promise<string | null>;
export function revisit(page: Page, options?: { timeout?: number }): Promise<string | null>;
