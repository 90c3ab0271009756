import type { TeamUser } from './team-setup.mjs';
export interface TeamServer {
  /** The team database's URL, through the proxy the test can cut. */
  url: string;
  /** The database straight on the server (for the test's own reads). */
  serverUrl: string;
  /** The database with the admin's credentials in the URL. */
  adminUrl: string;
  admin: { name: string; password: string };
  /** The Host headers of every connection the browsers opened to the server. */
  hostsSeen: Set<string>;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}
export function startTeamServer(options?: { db?: string; users?: TeamUser[] }): Promise<TeamServer>;
