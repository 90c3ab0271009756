// "Changes waiting" counts this browser's edits that the server has not had yet, also while it is offline, when
// they sit in the local replica (the outbox is drained into it at once) and replication reports nothing.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReplicationInfo } from 'pouchdb-core';
import { docId } from '../../../sync/documents';
import { pushedIds, Unpushed } from '../../../team/unpushed';
import { annotation } from '../storage/fixtures';
import { browser, memoryReplica, PouchDB, type Browser } from './support';

const url = 'https://gov.example/r';
const page = { url, title: '报告', kind: 'report' as const };
const notes = [1, 2].map((n) => annotation(`urn:uuid:1111111${n}-1111-4111-8111-111111111111`, url, '2024-03-01T00:00:00.000Z', []));

let server: ReturnType<typeof memoryReplica>;
let a: Browser;
let unpushed: Unpushed;
beforeEach(async () => {
  server = memoryReplica();
  a = await browser('alice', { onWritten: (ids) => unpushed.written(ids) });
  unpushed = new Unpushed(a.db);
  await unpushed.load();
});
afterEach(async () => {
  a.db.close();
  await a.replica.destroy();
  await server.destroy();
});

describe('changes waiting for the server', () => {
  it('counts edits drained into the replica while offline, keeps them across a restart, and lets the push take them off', async () => {
    const service = a.service;
    for (const n of notes) await service.save(n, page);
    await a.engine.run();
    // Nothing left in the outbox, yet nothing reached the server.
    expect(await a.engine.pendingLocal()).toBe(0);
    const waiting = [...notes.map((n) => docId('annotation', n.id)), docId('page', url)].sort();
    expect(unpushed.size).toBe(waiting.length);

    // The worker stops and starts again, still offline.
    await unpushed.settled();
    const restarted = new Unpushed(a.db);
    await restarted.load();
    expect(restarted.size).toBe(waiting.length);

    // The server answers: the push's own events say what it wrote.
    const pushed: string[] = [];
    await new Promise<void>((resolve, reject) => {
      PouchDB.sync(a.replica, server)
        .on('change', (info: ReplicationInfo) => {
          pushed.push(...pushedIds(info));
          restarted.pushed(pushedIds(info));
        })
        .on('complete', () => resolve())
        .on('error', reject);
    });
    expect(pushed.sort()).toEqual(waiting);
    expect(restarted.size).toBe(0);
  });

  it('a pull takes nothing off, and a sync that caught up clears what is left', async () => {
    await a.service.save(notes[0], page);
    await a.engine.run();
    expect(unpushed.size).toBe(2);
    unpushed.pushed(pushedIds({ direction: 'pull', change: { docs: [{ _id: docId('annotation', notes[0].id) }] } }));
    expect(unpushed.size).toBe(2);
    unpushed.caughtUp();
    expect(unpushed.size).toBe(0);
    await unpushed.settled();
    const again = new Unpushed(a.db);
    await again.load();
    expect(again.size).toBe(0);
  });
});
