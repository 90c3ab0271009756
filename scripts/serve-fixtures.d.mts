import type { Server } from 'node:http';

export interface FixturePage {
  /** File name without .html, or the manifest's `name` for a generated page. */
  name: string;
  host: string;
  path: string;
  kind: 'report' | 'document' | 'none';
  note?: string;
  encoding?: string;
  /** ../shared/fixtures, tests/fixtures (real pages with gold labels) or tests/e2e/fixtures. */
  source: 'shared' | 'real' | 'e2e';
  /** For a real page: where its text and layout came from. */
  origin?: string;
  body(): Buffer;
}

export interface FixtureServer {
  server: Server;
  port: number;
  pages: FixturePage[];
  hosts: string[];
  url(host: string, path: string): string;
  urlFor(name: string): string;
  /** The page answers 404 from now on, to every browser and tab (a site that took it down). */
  withdraw(name: string): void;
  /** Serves a withdrawn page again. */
  restore(name: string): void;
  close(): Promise<void>;
}

export const sharedFixturesDir: string;
export const realGoldDir: string;
export function loadFixturePages(): FixturePage[];
export function serveFixtures(options?: { port?: number }): Promise<FixtureServer>;
export function hostResolverRules(hosts: string[], options?: { isolate?: boolean }): string;
