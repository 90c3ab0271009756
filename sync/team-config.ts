// The team's settings as the user (or a test) writes them under the storage key `pizhu.sync`:
// `{ "url": "<team database URL>", "username": "…", "password": "…" }`, the credentials optional for a server that
// needs none. Credentials go only to this server and only over HTTPS, except to this machine (loopback), where a
// test or a server of one's own may speak plain HTTP.
export const TEAM_KEY = 'pizhu.sync';

export interface TeamConfig {
  /** The database's URL, without credentials or a trailing slash. */
  url: string;
  username?: string;
  password?: string;
}

export interface Problem {
  zh: string;
  en: string;
}

export type ConfigResult = { ok: true; config: TeamConfig } | { ok: false; problem: Problem };

const refuse = (zh: string, en: string): ConfigResult => ({ ok: false, problem: { zh, en } });

/** 127.0.0.0/8, ::1 and localhost: this machine, where nothing travels over a network. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function parseTeamConfig(value: unknown): ConfigResult {
  if (typeof value !== 'object' || value === null) return refuse('团队设置不完整：缺少数据库地址。', 'The team settings are incomplete: the database URL is missing.');
  const v = value as Record<string, unknown>;
  if (typeof v.url !== 'string' || !v.url.trim()) return refuse('请填写团队数据库的地址。', 'Enter the team database’s URL.');
  let url: URL;
  try {
    url = new URL(v.url.trim());
  } catch {
    return refuse(`“${v.url.slice(0, 200)}”不是有效的网址。`, `“${v.url.slice(0, 200)}” is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return refuse(
      '团队数据库必须使用 HTTPS 地址（https://…），否则密码和批注会以明文在网络上传输。只有本机地址（localhost、127.0.0.1）可以使用 http。',
      'The team database must be an HTTPS address (https://…): over plain HTTP the password and the annotations would cross the network readable by anyone. Only this machine (localhost, 127.0.0.1) may use http.',
    );
  }
  if (url.search || url.hash) return refuse('数据库地址不能带查询参数或锚点。', 'The database URL must not have a query or a fragment.');
  const path = url.pathname.replace(/\/+$/, '');
  if (!path || path === '/') {
    return refuse('地址中缺少数据库名，例如 https://couch.example.edu/fzzf-team。', 'The URL names no database, as in https://couch.example.edu/fzzf-team.');
  }
  // Credentials written into the URL (https://name:password@host/db) are taken out of it: they travel in a header.
  const username = typeof v.username === 'string' && v.username ? v.username : decodeURIComponent(url.username);
  const password = typeof v.password === 'string' && v.password ? v.password : decodeURIComponent(url.password);
  if (username.length > 256 || password.length > 4096) return refuse('用户名或密码过长。', 'The name or the password is too long.');
  if (password && !username) return refuse('填写了密码，但缺少用户名。', 'A password was given without a name.');
  url.username = '';
  url.password = '';
  return {
    ok: true,
    config: { url: `${url.origin}${path}`, ...(username ? { username } : {}), ...(password ? { password } : {}) },
  };
}

/** The server's root (where `/_session` is): the database URL without its last part. */
export function serverRoot(databaseUrl: string): string {
  return databaseUrl.slice(0, databaseUrl.lastIndexOf('/'));
}

/** The database's name (the last part of its URL), as CouchDB knows it: the team's roles are named for it. */
export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(databaseUrl.slice(databaseUrl.lastIndexOf('/') + 1));
}
