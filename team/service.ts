// The team's sync as the background runs it: reads the settings (team/credentials.ts), and while they name a team,
// keeps one session going: the local replica, the engine between it and Dexie (team/engine.ts), the live
// replication with the team's CouchDB (team/replication.ts), and the status the library and the side panel show.
//
// The worker's lifecycle (Chrome stops an idle service worker after 30 s; Firefox suspends an idle event page):
// - while in a team, an extension API call every 20 s keeps the worker from idling out, so that replication's
//   long-polling stays open and a teammate's tag arrives within seconds;
// - an alarm every 30 s starts the session again if the worker was stopped anyway (and wakes a refused or
//   unreachable one to try again);
// - on start, the session resumes from its checkpoints: PouchDB's replication checkpoints in the replica and on the
//   server, the engine's in Dexie (the outbox, the replica's read position, the first upload's progress).
import { browser } from '#imports';
import Dexie from 'dexie';
import type { Database, ReplicationInfo, Replication } from 'pouchdb-core';
import type { PizhuDB } from '../storage/db';
import { META } from '../storage/sync-state';
import type { Resolution } from '../sync/conflicts';
import { teamRoles } from '../sync/design-doc.js';
import { OFF_STATUS, type ConflictView, type TeamState, type TeamStatus } from '../sync/status';
import { databaseName, parseTeamConfig, type Problem, type TeamConfig } from '../sync/team-config';
import { readTeamConfig, removeTeamConfig, watchTeamConfig, writeTeamConfig } from './credentials';
import { beginTeam, EngineError, endTeam, rereadReplica, SyncEngine, teamOf } from './engine';
import { asReplica, carryOver, destroyReplica, openRemote, openReplica, probe, replicate, serverFetch, type Fetch } from './replication';
import { pushedIds, Unpushed } from './unpushed';

const ALARM = 'pizhu-team';
const KEEP_ALIVE_MS = 20_000;

export interface TeamServiceHooks {
  /** The status changed (throttled). */
  status(status: TeamStatus): void;
  /** Records from the team were written here: the pages whose annotations changed, and whether the codebook did. */
  applied(changed: { pages: Set<string>; codebook: boolean }): void;
  /** The server named this user (their CouchDB name): the coder's name when they have none yet. */
  identified(name: string): void;
}

const UNREACHABLE: Problem = {
  zh: '无法连接团队服务器。批注照常保存在本机，服务器恢复后会自动同步。',
  en: 'The team server cannot be reached. Annotations are kept here as usual and sync resumes by itself when the server answers.',
};

function refusedProblem(code: number, reason: string): Problem {
  if (code === 401 && /name or password/i.test(reason)) {
    return { zh: `服务器拒绝登录：用户名或密码不正确（${reason}）`, en: `The server refused the login: wrong name or password (${reason})` };
  }
  if (code === 401 || code === 403) {
    return { zh: `服务器拒绝访问：这个账号不是该团队数据库的成员（${reason}）`, en: `The server refused access: this account is not a member of the team’s database (${reason})` };
  }
  if (code === 404) return { zh: `服务器上没有这个数据库（${reason}）`, en: `The server has no such database (${reason})` };
  return { zh: `服务器拒绝了请求（${code}：${reason}）`, en: `The server refused (${code}: ${reason})` };
}

/** The team as the sync tables record it: the database and the user (another user is another replica). */
const identity = (config: TeamConfig) => JSON.stringify({ url: config.url, username: config.username ?? '' });

class Session {
  state: TeamState = 'connecting';
  roles: string[] | undefined;
  name: string | undefined;
  problem: Problem | undefined;
  serverReason: string | undefined;
  lastSync: string | undefined;
  pushPending = 0;
  pullPending = 0;
  readonly denied = new Map<string, string>();
  readonly engine: SyncEngine;
  /** This browser's changes in the replica that the server has not had yet (counted as waiting). */
  readonly unpushed: Unpushed;
  private replication: Replication | null = null;
  private keepAlive: ReturnType<typeof setInterval> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** Every request to the team's server goes through this: its outcome says whether the server answers. */
  private readonly fetch: Fetch;
  private readonly onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((p) => p.startsWith(`idb://${this.db.name}/outbox/`))) this.schedule();
  };

  constructor(
    readonly config: TeamConfig,
    private readonly db: PizhuDB,
    private readonly replica: Database,
    private readonly hooks: TeamServiceHooks,
    private readonly changed: () => void,
  ) {
    this.fetch = serverFetch(config, (outcome) => this.observe(outcome));
    this.unpushed = new Unpushed(db);
    this.engine = new SyncEngine({
      db,
      replica: asReplica(replica),
      user: () => this.name ?? config.username,
      canEditCodebook: () => this.editor,
      onApplied: (c) => hooks.applied(c),
      onWritten: (ids) => {
        this.unpushed.written(ids);
        this.changed();
      },
    });
  }

  get editor(): boolean | undefined {
    return this.roles ? this.roles.includes(teamRoles(databaseName(this.config.url)).editor) || this.roles.includes('_admin') : undefined;
  }

  async start(): Promise<void> {
    this.lastSync = (await this.db.syncMeta.get(META.lastSync))?.value as string | undefined;
    await this.unpushed.load();
    // Local writes from any page (their outbox entries); what replication brings into the replica is told by its
    // pull events (startReplication).
    Dexie.on('storagemutated', this.onMutated);
    this.keepAlive = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => {}), KEEP_ALIVE_MS);
    this.schedule();
    await this.connect();
  }

  /**
   * What each request to the server says of it: no answer is offline; an answer is connected again (and, when the
   * server has not said yet who this user is, the moment to ask); a refusal of the login stops replication until
   * the server is asked again.
   */
  private observe(outcome: Response | Error): void {
    if (this.stopped) return;
    if (outcome instanceof Error) {
      // A request PouchDB cancels itself (its long poll, at a stop) says nothing about the server.
      if (outcome.name === 'AbortError') return;
      if (this.state !== 'offline' && this.state !== 'refused') {
        this.state = 'offline';
        this.problem = UNREACHABLE;
        this.changed();
      }
      return;
    }
    if (outcome.status === 401) {
      if (this.state === 'refused') return;
      this.state = 'refused';
      void outcome.clone().json().then((body: { reason?: string }) => {
        this.serverReason = typeof body?.reason === 'string' ? body.reason.slice(0, 500) : outcome.statusText;
        this.problem = refusedProblem(401, this.serverReason);
        this.changed();
      }, () => {});
      this.stopReplication();
      return;
    }
    if (this.state === 'offline' || this.state === 'connecting') {
      this.state = 'connected';
      this.problem = undefined;
      if (!this.roles) void this.connect();
      this.changed();
    }
  }

  /** Asks the server who this user is; starts replication unless it refused. */
  async connect(): Promise<void> {
    if (this.stopped) return;
    const answer = await probe(this.config, this.fetch);
    if (this.stopped) return;
    if (answer.status === 'ok') {
      this.roles = answer.roles;
      if (answer.name) {
        this.name = answer.name;
        this.hooks.identified(answer.name);
      }
      this.serverReason = undefined;
      this.problem = undefined;
      this.state = 'connected';
      this.startReplication();
      this.schedule();
    } else if (answer.status === 'refused') {
      this.state = 'refused';
      this.serverReason = answer.reason;
      this.problem = refusedProblem(answer.code, answer.reason);
      this.stopReplication();
    } else {
      // Unreachable: replication keeps trying by itself, with its capped back-off, and its first answer says so.
      this.state = 'offline';
      this.problem = UNREACHABLE;
      this.startReplication();
    }
    this.changed();
  }

  private startReplication(): void {
    if (this.replication || this.stopped) return;
    const remote = openRemote(this.config, this.fetch);
    this.replication = replicate(this.replica, remote, {
      onChange: (info: ReplicationInfo) => {
        const pending = info.change?.pending ?? 0;
        if (info.direction === 'push') {
          this.pushPending = pending;
          this.unpushed.pushed(pushedIds(info));
        } else {
          this.pullPending = pending;
          // The pull wrote into the replica. Told by its own event rather than by a live changes feed of the
          // replica, which read every pulled document back once more (a first sync of 100,000: 66.5 s → 62.6 s).
          this.schedule();
        }
        this.synced();
      },
      // Whether the server answers is told by the requests themselves (observe); these say how far sync is.
      onPaused: (error) => {
        if (!error && this.state === 'connected') {
          this.pushPending = this.pullPending = 0;
          this.unpushed.caughtUp();
          this.synced();
        }
      },
      onActive: () => this.changed(),
      onDenied: (id, reason) => {
        this.denied.set(id, reason);
        this.unpushed.pushed([id]);
        this.changed();
      },
      onError: (error) => {
        // Replication gave up (a refusal retrying cannot cure, such as a removed membership): the alarm asks the
        // server again and starts it anew.
        this.replication = null;
        const e = error as { status?: number; reason?: string; message?: string };
        this.state = 'refused';
        this.serverReason = e.reason ?? e.message;
        this.problem = refusedProblem(e.status ?? 0, this.serverReason ?? '');
        this.changed();
      },
    });
  }

  private stopReplication(): void {
    this.replication?.cancel();
    this.replication = null;
  }

  private synced(): void {
    this.lastSync = new Date().toISOString();
    void this.db.syncMeta.put({ key: META.lastSync, value: this.lastSync }).catch(() => {});
    this.changed();
  }

  /** The engine runs soon after any change either side; changes close together make one pass. */
  schedule(): void {
    if (this.stopped || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.engine.run().then(
        () => {
          if (this.problem?.en.startsWith('Sync stopped')) this.problem = undefined;
          this.changed();
        },
        (e: unknown) => {
          const words = e instanceof EngineError ? e : { zh: String(e), en: String(e) };
          this.problem = { zh: `同步暂停：${words.zh}（稍后自动重试）`, en: `Sync stopped for a moment: ${words.en} (it tries again shortly)` };
          this.changed();
        },
      );
    }, 30);
  }

  /** The alarm's wake-up: a refused session, or one whose replication stopped, asks the server again. */
  wake(): void {
    this.schedule();
    if (this.state === 'refused' || !this.replication) void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopReplication();
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    clearInterval(this.keepAlive);
    clearTimeout(this.timer);
    await this.engine.run().catch(() => {});
  }
}

export class TeamService {
  private session: Session | null = null;
  private invalid: Problem | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: PizhuDB,
    private readonly hooks: TeamServiceHooks,
  ) {}

  /** Listens for the settings and the alarm (call at the worker's start, synchronously), and starts what they say. */
  init(): void {
    watchTeamConfig(() => void this.reconcile());
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALARM) void this.reconcile().then(() => this.session?.wake());
    });
    void this.reconcile();
  }

  /** Makes the running session match the settings: start, keep, restart for another team, or stop. One at a time. */
  reconcile(): Promise<void> {
    const next = this.queue.then(async () => {
      const read = await readTeamConfig(this.db);
      const config = read?.ok ? read.config : null;
      this.invalid = read && !read.ok ? read.problem : undefined;
      const same = config && this.session && identity(config) === identity(this.session.config) && config.password === this.session.config.password;
      if (same) return;
      if (this.session) {
        await this.session.stop();
        this.session = null;
      }
      const joined = await teamOf(this.db);
      if (joined && (!config || joined !== identity(config))) {
        // Left the team, or changed to another: the old replica and sync state go; every record stays.
        const old = JSON.parse(joined) as { url: string; username: string };
        await destroyReplica({ url: old.url, username: old.username || undefined }).catch(() => {});
        await endTeam(this.db, config !== null);
      }
      if (!config) {
        await browser.alarms.clear(ALARM);
        this.changed();
        return;
      }
      if (joined !== identity(config)) await beginTeam(this.db, identity(config));
      await browser.alarms.create(ALARM, { periodInMinutes: 0.5 });
      const replica = await openReplica(config);
      if (await carryOver(config, replica)) await rereadReplica(this.db);
      const session = new Session(config, this.db, replica, this.hooks, () => this.changed());
      this.session = session;
      this.changed();
      await session.start();
    });
    this.queue = next.catch((e: unknown) => console.warn('[Pizhu] team sync:', e));
    return next;
  }

  async status(): Promise<TeamStatus> {
    const s = this.session;
    if (!s) {
      if (this.invalid) return { ...OFF_STATUS, state: 'invalid', problem: this.invalid };
      return OFF_STATUS;
    }
    const stats = s.engine.stats();
    const [local, conflicts] = await Promise.all([s.engine.pendingLocal(), this.db.conflicts.count()]);
    return {
      state: s.state,
      url: s.config.url,
      ...(s.config.username ? { username: s.config.username } : {}),
      ...(s.roles ? { roles: s.roles } : {}),
      ...(s.editor !== undefined ? { editor: s.editor } : {}),
      ...(s.lastSync ? { lastSync: s.lastSync } : {}),
      pending: { local, push: Math.max(s.pushPending, s.unpushed.size), pull: s.pullPending },
      ...(s.problem ? { problem: s.problem } : {}),
      ...(s.serverReason ? { serverReason: s.serverReason } : {}),
      conflicts,
      newer: stats.newer,
      rejected: stats.rejected.length,
      unsendable: stats.unsendable.length,
      refusedCodebook: stats.refusedCodebook.map((r) => r.label),
      denied: [...s.denied].map(([id, reason]) => ({ id, reason })),
    };
  }

  /** Joins a team from the Team tab: the settings are checked, written (the worker picks them up), and the status returned once the server answered. */
  async join(input: { url: string; username?: string; password?: string }): Promise<TeamStatus> {
    const parsed = parseTeamConfig(input);
    if (!parsed.ok) throw new EngineError(parsed.problem.zh, parsed.problem.en, 'invalid');
    const { url, username, password } = parsed.config;
    await writeTeamConfig({ url, ...(username ? { username } : {}), ...(password ? { password } : {}) });
    await this.reconcile();
    return this.status();
  }

  async leave(): Promise<TeamStatus> {
    await removeTeamConfig();
    await this.reconcile();
    return this.status();
  }

  async conflicts(pageUrl?: string): Promise<ConflictView[]> {
    return this.session ? this.session.engine.conflicts(pageUrl ? { pageUrl } : {}) : [];
  }

  async resolve(id: string, resolution: Resolution): Promise<void> {
    if (!this.session) throw new EngineError('当前不在团队中。', 'Not in a team.');
    await this.session.engine.resolve(id, resolution);
    this.changed();
  }

  /** Tells the status to the pages, at most every 250 ms. */
  private changed(): void {
    if (this.statusTimer !== undefined) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      void this.status().then((s) => this.hooks.status(s), () => {});
    }, 250);
  }
}
