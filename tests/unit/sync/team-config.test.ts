import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, nextRetryDelay } from '../../../sync/backoff';
import { isLoopback, parseTeamConfig, serverRoot } from '../../../sync/team-config';

describe('the team settings', () => {
  it('take an HTTPS database URL with a name and password', () => {
    expect(parseTeamConfig({ url: 'https://couch.example.edu/fzzf-team/', username: 'li', password: 'pw' }))
      .toEqual({ ok: true, config: { url: 'https://couch.example.edu/fzzf-team', username: 'li', password: 'pw' } });
  });
  it('take a server that needs no credentials', () => {
    expect(parseTeamConfig({ url: 'http://127.0.0.1:5984/team' })).toEqual({ ok: true, config: { url: 'http://127.0.0.1:5984/team' } });
  });
  it('take credentials out of the URL', () => {
    expect(parseTeamConfig({ url: 'https://li:p%40ss@couch.example.edu/db' }))
      .toEqual({ ok: true, config: { url: 'https://couch.example.edu/db', username: 'li', password: 'p@ss' } });
  });
  it('refuse plain HTTP anywhere but this machine, saying why', () => {
    const result = parseTeamConfig({ url: 'http://couch.example.edu/team', username: 'li', password: 'pw' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.en).toMatch(/HTTPS/);
    expect(!result.ok && result.problem.zh).toMatch(/HTTPS/);
    expect(parseTeamConfig({ url: 'http://192.168.1.5:5984/team' }).ok).toBe(false);
    expect(parseTeamConfig({ url: 'http://localhost.evil.example/team' }).ok).toBe(false);
  });
  it('refuse what is not a database URL', () => {
    for (const value of [null, {}, { url: '' }, { url: 'couch' }, { url: 'https://couch.example.edu/' }, { url: 'ftp://x/db' }, { url: 'https://x/db?a=1' }]) {
      expect(parseTeamConfig(value).ok).toBe(false);
    }
    expect(parseTeamConfig({ url: 'https://x/db', password: 'pw' }).ok).toBe(false);
  });
  it('know this machine’s addresses', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1'].every(isLoopback)).toBe(true);
    expect(['127.0.0.1.nip.io', '10.0.0.1', 'example.org', '0.0.0.0'].some(isLoopback)).toBe(false);
  });
  it('find the server’s root beside the database', () => {
    expect(serverRoot('https://x.example/couch/team')).toBe('https://x.example/couch');
  });
});

describe('waiting before the next try', () => {
  it('doubles from a second and never exceeds the cap, so sync resumes within 30 s of the server answering', () => {
    const waits: number[] = [];
    let d = 0;
    for (let i = 0; i < 12; i++) waits.push((d = nextRetryDelay(d)));
    expect(waits.slice(0, 4)).toEqual([FIRST_RETRY_MS, 2000, 4000, 8000]);
    expect(Math.max(...waits)).toBe(MAX_RETRY_MS);
    expect(MAX_RETRY_MS).toBeLessThan(30_000);
    expect(nextRetryDelay(Number.NaN)).toBe(FIRST_RETRY_MS);
  });
});
