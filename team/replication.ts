// PouchDB in the background: the local replica (IndexedDB, in the extension's origin), the team's database over
// HTTP, the live replication between them, and the one look at the server that says who this user is there.
// Every request goes to the configured database's server and nowhere else.
import PouchDB, { type Database, type Replication, type ReplicationInfo } from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import idb from 'pouchdb-adapter-idb';
import indexeddb from 'pouchdb-adapter-indexeddb';
import replication from 'pouchdb-replication';
import { nextRetryDelay } from '../sync/backoff';
import { serverRoot, type TeamConfig } from '../sync/team-config';
import type { Replica } from './replica';
import { batchRevsDiff } from './revs-diff';

// `indexeddb` keeps the replica; `idb` only opens a replica an earlier Pizhu kept, to carry it over (carryOver).
PouchDB.plugin(indexeddb).plugin(idb).plugin(http).plugin(replication);

/**
 * Replication's batches. Pulled 2,000 documents at a time: a first sync of 100,000 annotations (with the engine's
 * batches of sync/batch-size.ts) took 70–77 s here, against 117 s in batches of 500 before; batches of 5,000 gained
 * about 3 s more but hold two and a half times as much page text in the worker at once. Pushed 500 at a time: a
 * page's document carries its text, and some hosted CouchDB services refuse requests over about 10 MB.
 */
const PULL_BATCH = 2000;
const PUSH_BATCH = 500;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const teamHash = async (config: TeamConfig) => (await sha256Hex(`${config.url}\n${config.username ?? ''}`)).slice(0, 24);

/**
 * The local replica of a team: one per database URL and user, so that joining another team starts afresh. PouchDB's
 * `indexeddb` adapter (a document with all its revisions in one record) takes in a first sync about three times as
 * fast as its older `idb` adapter, which writes each revision to several stores (22,000 documents pulled in Chromium:
 * 9.5 s against 28 s). Old revisions are kept (no auto-compaction): the engine compares a record with the revision
 * it was synced at.
 */
export async function openReplica(config: TeamConfig): Promise<Database> {
  return batchRevsDiff(new PouchDB(`pizhu-replica-${await teamHash(config)}`, { adapter: 'indexeddb' }));
}

/** The name under which an earlier Pizhu kept the team's replica (PouchDB's `idb` adapter). */
const formerName = async (config: TeamConfig) => `pizhu-team-${await teamHash(config)}`;

async function formerExists(name: string): Promise<boolean> {
  const known = await indexedDB.databases();
  return known.some((d) => d.name === `_pouch_${name}`);
}

/**
 * Copies a replica an earlier Pizhu kept for this team into `replica`, and removes it: it may hold revisions not yet
 * pushed, which the new one then pushes. True when there was one (the new replica's changes feed is then read from
 * its start; see rereadReplica).
 */
export async function carryOver(config: TeamConfig, replica: Database): Promise<boolean> {
  const name = await formerName(config);
  if (!(await formerExists(name))) return false;
  const former = new PouchDB(name, { adapter: 'idb' });
  await PouchDB.replicate(former, replica, { batch_size: PUSH_BATCH });
  await former.destroy();
  return true;
}

/** Removes the team's replica (leaving the team), and one an earlier Pizhu kept if it is still there. */
export async function destroyReplica(config: TeamConfig): Promise<void> {
  await (await openReplica(config)).destroy();
  const name = await formerName(config);
  if (await formerExists(name)) await new PouchDB(name, { adapter: 'idb' }).destroy();
}

export function asReplica(db: Database): Replica {
  return db as unknown as Replica;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A fetch for the team's server only: any other address is refused before a request is made, and no cookie goes
 * along (each request carries the configured credentials and nothing ambient).
 */
export function serverFetch(config: TeamConfig, observe: (outcome: Response | Error) => void): Fetch {
  const origin = new URL(config.url).origin;
  return async (url, init) => {
    if (new URL(url, config.url).origin !== origin) throw new Error(`Pizhu sends nothing but to the team's server, not to ${url}`);
    try {
      const response = await fetch(url, { ...init, credentials: 'omit' });
      observe(response);
      return response;
    } catch (e) {
      observe(e instanceof Error ? e : new Error(String(e)));
      throw e;
    }
  };
}

/** The team's database. It is never created from here (skip_setup): a coder could not, and a typo should not. */
export function openRemote(config: TeamConfig, fetch: Fetch): Database {
  return new PouchDB(config.url, {
    adapter: 'http',
    skip_setup: true,
    fetch,
    ...(config.username ? { auth: { username: config.username, password: config.password ?? '' } } : {}),
  });
}

export interface ReplicationHandlers {
  onChange(info: ReplicationInfo): void;
  /** Both directions caught up (no error), or waiting to retry (error). */
  onPaused(error: unknown): void;
  onActive(): void;
  /** The server refused a document (its validation): the document's id and the server's words. */
  onDenied(id: string, reason: string): void;
  /** Replication stopped for good (a refusal such as a changed password): it is started again by a later probe. */
  onError(error: unknown): void;
}

/** Live, both ways, retrying after a failure with a back-off capped so that it resumes soon after the server does. */
export function replicate(local: Database, remote: Database, h: ReplicationHandlers): Replication {
  return PouchDB.sync(local, remote, {
    live: true,
    retry: true,
    pull: { batch_size: PULL_BATCH, batches_limit: 2 },
    push: { batch_size: PUSH_BATCH, batches_limit: 2 },
    back_off_function: nextRetryDelay,
  })
    .on('change', h.onChange)
    .on('paused', h.onPaused)
    .on('active', () => h.onActive())
    .on('denied', (e) => {
      const error = e as { id?: string; reason?: string; message?: string };
      h.onDenied(error.id ?? '', error.reason ?? error.message ?? String(e));
    })
    .on('error', h.onError);
}

export type Probe =
  | { status: 'ok'; name: string | null; roles: string[] }
  /** The server answered no: its HTTP status and its own words. */
  | { status: 'refused'; code: number; reason: string }
  | { status: 'unreachable'; message: string };

function basicAuth(config: TeamConfig): Record<string, string> {
  if (!config.username) return {};
  const bytes = new TextEncoder().encode(`${config.username}:${config.password ?? ''}`);
  return { Authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { reason?: unknown; error?: unknown } | null;
  const words = typeof body?.reason === 'string' ? body.reason : typeof body?.error === 'string' ? body.error : response.statusText;
  return words.slice(0, 500);
}

/** Who the server says this user is (`/_session`), and whether the database lets them in. */
export async function probe(config: TeamConfig, fetch: Fetch): Promise<Probe> {
  const init: RequestInit = { headers: { Accept: 'application/json', ...basicAuth(config) }, cache: 'no-store' };
  try {
    const session = await fetch(`${serverRoot(config.url)}/_session`, init);
    if (!session.ok) return { status: 'refused', code: session.status, reason: await reasonOf(session) };
    const { userCtx } = (await session.json()) as { userCtx?: { name?: string | null; roles?: unknown } };
    const database = await fetch(config.url, init);
    if (!database.ok) return { status: 'refused', code: database.status, reason: await reasonOf(database) };
    const roles = Array.isArray(userCtx?.roles) ? userCtx.roles.filter((r): r is string => typeof r === 'string') : [];
    return { status: 'ok', name: userCtx?.name ?? null, roles };
  } catch (e) {
    return { status: 'unreachable', message: e instanceof Error ? e.message : String(e) };
  }
}
