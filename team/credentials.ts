// Where the team's settings live. The user (or a test) writes them to extension storage under `pizhu.sync`
// (sync/team-config.ts); the password does not stay there. In Chrome, extension storage is closed to content
// scripts (entrypoints/background.ts), but Firefox has no such switch: there a content script, which a hostile
// page's renderer hosts, could read it. So the password is moved at once into the extension's own database, which
// only the extension's pages and worker open, in both browsers alike, and the key keeps the URL and the name.
import { browser } from '#imports';
import type { PizhuDB } from '../storage/db';
import { META } from '../storage/sync-state';
import { parseTeamConfig, TEAM_KEY, type ConfigResult } from '../sync/team-config';

interface Secret {
  url: string;
  username: string;
  password: string;
}

/** The team settings as stored, the password taken out of extension storage the first time it is seen there. */
export async function readTeamConfig(db: PizhuDB): Promise<ConfigResult | null> {
  const raw = (await browser.storage.local.get(TEAM_KEY))[TEAM_KEY];
  if (raw === undefined || raw === null) return null;
  const parsed = parseTeamConfig(raw);
  if (!parsed.ok) return parsed;
  const { config } = parsed;
  if (config.password !== undefined) {
    const secret: Secret = { url: config.url, username: config.username ?? '', password: config.password };
    await db.syncMeta.put({ key: META.secret, value: secret });
    // The key keeps the URL (without any credentials written into it) and the name; the password leaves.
    const { password: _password, ...rest } = raw as Record<string, unknown>;
    await browser.storage.local.set({ [TEAM_KEY]: { ...rest, url: config.url, ...(config.username ? { username: config.username } : {}) } });
    return parsed;
  }
  const secret = (await db.syncMeta.get(META.secret))?.value as Secret | undefined;
  if (secret && secret.url === config.url && secret.username === (config.username ?? '')) {
    return { ok: true, config: { ...config, password: secret.password } };
  }
  return parsed;
}

export async function writeTeamConfig(value: { url: string; username?: string; password?: string }): Promise<void> {
  await browser.storage.local.set({ [TEAM_KEY]: value });
}

export async function removeTeamConfig(): Promise<void> {
  await browser.storage.local.remove(TEAM_KEY);
}

/** Calls `changed` whenever the team settings are written or removed. */
export function watchTeamConfig(changed: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TEAM_KEY in changes) changed();
  });
}
