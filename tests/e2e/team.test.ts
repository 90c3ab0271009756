// A research team shares one codebook and its annotations through CouchDB: two browser profiles with the extension,
// and a CouchDB-compatible server (pouchdb-server, with the team's security and validation) started here on
// loopback, behind a proxy the test can cut.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../scripts/team-server.mjs';
import type { AnnotationRecord } from '../../model';
import { launchWithExtension, visit, type ExtensionBrowser } from './harness';
import { highlightTexts } from './page-helpers';
import { editNote, readTable, readTeamKey, statusOf, tag, writeTeamKey } from './team-helpers';

const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';
const EDITOR = { name: 'wang', password: 'wang-pw-1', roles: ['pizhu-editor'] };
const CODER = { name: 'li', password: 'li-pw-1', roles: ['pizhu-coder'] };

let server: TeamServer;
let a: ExtensionBrowser;
let b: ExtensionBrowser;
let pageA: Page;
let pageB: Page;

beforeAll(async () => {
  server = await startTeamServer({ users: [EDITOR, CODER] });
  a = await launchWithExtension();
  b = await launchWithExtension({ fixtures: a.server });
  pageA = await a.context.newPage();
  pageB = await b.context.newPage();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

describe('a team of two browsers', () => {
  it('starts syncing within 5 s of the settings being written, and keeps the password out of extension storage', async () => {
    const started = Date.now();
    await writeTeamKey(a, { url: server.url, username: EDITOR.name, password: EDITOR.password });
    await writeTeamKey(b, { url: server.url, username: CODER.name, password: CODER.password });
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 5000 }).toBe('connected');
    await expect.poll(async () => (await statusOf(b)).state, { timeout: 5000 }).toBe('connected');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await statusOf(a)).toMatchObject({ username: 'wang', editor: true, roles: ['pizhu-editor'] });
    expect(await statusOf(b)).toMatchObject({ username: 'li', editor: false });
    expect(await readTeamKey(a)).toEqual({ url: server.url, username: EDITOR.name });
  });

  it('A tags a passage; B’s open page draws it as a teammate’s', async () => {
    await visit(pageA, a.urlFor(REPORT));
    await visit(pageB, b.urlFor(REPORT));
    await tag(pageA, PASSAGE, '放管服', 'A 的备注');
    await expect.poll(() => highlightTexts(pageB, 'pizhu-annotation-others'), { timeout: 15_000 }).toEqual([PASSAGE]);
    expect(await highlightTexts(pageA, 'pizhu-annotation-others')).toEqual([]);
    await expect.poll(async () => (await readTable<AnnotationRecord>(b, 'annotations'))[0], { timeout: 15_000 })
      .toMatchObject({ note: 'A 的备注', creator: { name: 'wang' } });
  });

  it('B edits it; A sees the edit', async () => {
    await editNote(pageB, PASSAGE, 'B 改过的备注');
    await expect.poll(async () => (await readTable<AnnotationRecord>(a, 'annotations'))[0]?.note, { timeout: 15_000 }).toBe('B 改过的备注');
    // Still A's annotation, edited by B.
    expect((await readTable<AnnotationRecord>(a, 'annotations'))[0].creator?.name).toBe('wang');
  });
});
