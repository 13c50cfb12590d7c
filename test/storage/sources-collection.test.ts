import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source, Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselySourceRepository } from '../../src/storage/sources/repository.js';
import { KyselyStorage } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const MINUTE = 60_000;

describe.each(databaseTargets)('source scheduling and health on $name', (target) => {
  let test: TestDatabase;
  let sources: KyselySourceRepository;
  let unit: Unit;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    sources = new KyselySourceRepository(test.handle.db, test.clock);
    unit = await makeUnit(test, 'office');
  });
  afterAll(async () => {
    await test.close();
  });

  it('stores the collection settings and derives the host from the URL', async () => {
    const source = await sources.create({
      unitId: unit.id,
      name: '政务论坛',
      kind: 'page',
      url: 'https://BBS.Example.gov.cn/list?page=1',
      timeZone: 'Asia/Urumqi',
      expectedPeriodSeconds: 3600,
      minIntervalSeconds: 60,
      maxIntervalSeconds: 1800,
      ignoreRobots: true,
    });
    expect(source).toMatchObject({
      host: 'bbs.example.gov.cn',
      timeZone: 'Asia/Urumqi',
      expectedPeriodSeconds: 3600,
      minIntervalSeconds: 60,
      maxIntervalSeconds: 1800,
      ignoreRobots: true,
      health: 'new',
      nextFetchAt: null,
      consecutiveErrors: 0,
      state: {},
    });
    expect(source).not.toHaveProperty('ingestTokenHash');
    expect(await sources.get(source.id)).toEqual(source);

    const moved = await sources.update(source.id, {
      url: 'http://other.example:8080/x',
      ignoreRobots: false,
    });
    expect(moved).toMatchObject({ host: 'other.example:8080', ignoreRobots: false, timeZone: 'Asia/Urumqi' });
    expect((await sources.update(source.id, { url: null })).host).toBeNull();
  });

  it('lists enabled scheduled sources that are due, never-fetched and longest-due first', async () => {
    const due = await makeUnit(test, 'due');
    const make = async (name: string, kind: Source['kind'], enabled = true) =>
      sources.create({ unitId: due.id, name, kind, url: `https://${name}.example/`, enabled });
    const later = await make('later', 'feed');
    const early = await make('early', 'json');
    const fresh = await make('fresh', 'page');
    const future = await make('future', 'feed');
    const off = await make('off', 'feed', false);
    const upload = await make('upload', 'import');
    const pushed = await make('pushed', 'push');
    await sources.setNextFetch(later.id, START + 5 * MINUTE);
    await sources.setNextFetch(early.id, START - 5 * MINUTE);
    await sources.setNextFetch(future.id, START + 60 * MINUTE);
    await sources.setNextFetch(off.id, START - 60 * MINUTE);

    const listed = (await sources.listDue(START + 10 * MINUTE, 100)).filter((s) => s.unitId === due.id);
    expect(listed.map((s) => s.name)).toEqual(['fresh', 'early', 'later']);
    const names = listed.map((s) => s.id);
    for (const excluded of [future, off, upload, pushed]) expect(names).not.toContain(excluded.id);
    expect(fresh.nextFetchAt).toBeNull();

    const first = await sources.listDue(START + 10 * MINUTE, 1);
    expect(first).toHaveLength(1);
    await expect(sources.setNextFetch('missing', START)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('counts failures in a row, keeps the last error, and resets on success', async () => {
    const source = await sources.create({
      unitId: unit.id,
      name: 'flaky',
      kind: 'feed',
      url: 'https://flaky.example/rss',
    });
    const failed1 = await sources.recordFetch(source.id, {
      at: START + MINUTE,
      ok: false,
      newItems: 0,
      nextFetchAt: START + 3 * MINUTE,
      error: { code: 'FETCH_TIMEOUT', message: 'no answer in 30 s' },
      health: 'new',
    });
    expect(failed1).toMatchObject({ consecutiveErrors: 1, lastFetchAt: START + MINUTE, lastSuccessAt: null });

    const failed2 = await sources.recordFetch(source.id, {
      at: START + 3 * MINUTE,
      ok: false,
      newItems: 0,
      nextFetchAt: START + 7 * MINUTE,
      state: { etag: '"v1"' },
      error: { code: 'FETCH_HTTP_STATUS', message: 'HTTP 503' },
      health: 'failing',
    });
    expect(failed2).toMatchObject({
      consecutiveErrors: 2,
      lastError: 'HTTP 503',
      lastErrorCode: 'FETCH_HTTP_STATUS',
      lastErrorAt: START + 3 * MINUTE,
      health: 'failing',
      nextFetchAt: START + 7 * MINUTE,
      state: { etag: '"v1"' },
    });

    const ok = await sources.recordFetch(source.id, {
      at: START + 7 * MINUTE,
      ok: true,
      newItems: 4,
      nextFetchAt: START + 22 * MINUTE,
      error: null,
      health: 'ok',
    });
    expect(ok).toMatchObject({
      consecutiveErrors: 0,
      lastFetchAt: START + 7 * MINUTE,
      lastSuccessAt: START + 7 * MINUTE,
      lastNewItemAt: START + 7 * MINUTE,
      lastErrorCode: 'FETCH_HTTP_STATUS',
      lastErrorAt: START + 3 * MINUTE,
      health: 'ok',
      state: { etag: '"v1"' },
    });

    const quiet = await sources.recordFetch(source.id, {
      at: START + 22 * MINUTE,
      ok: true,
      newItems: 0,
      nextFetchAt: START + 40 * MINUTE,
      health: 'ok',
    });
    expect(quiet).toMatchObject({ lastSuccessAt: START + 22 * MINUTE, lastNewItemAt: START + 7 * MINUTE });
    expect(await sources.get(source.id)).toEqual(quiet);
    await expect(
      sources.recordFetch('missing', { at: START, ok: true, newItems: 0, nextFetchAt: null, health: 'ok' }),
    ).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('finds a push source by the hash of its token, refuses a shared hash, and forgets a cleared one', async () => {
    const push = await sources.create({ unitId: unit.id, name: 'partner push', kind: 'push' });
    const other = await sources.create({ unitId: unit.id, name: 'second push', kind: 'push' });
    expect(await sources.findByIngestToken('hash-a')).toBeNull();
    await sources.setIngestToken(push.id, 'hash-a');
    expect((await sources.findByIngestToken('hash-a'))?.id).toBe(push.id);
    await expect(sources.setIngestToken(other.id, 'hash-a')).rejects.toSatisfy((e) =>
      isAppError(e, 'CONFLICT'),
    );
    await sources.setIngestToken(push.id, 'hash-b');
    expect(await sources.findByIngestToken('hash-a')).toBeNull();
    await sources.setIngestToken(other.id, 'hash-a');
    expect((await sources.findByIngestToken('hash-a'))?.id).toBe(other.id);
    await sources.setIngestToken(other.id, null);
    await sources.setIngestToken(push.id, null);
    expect(await sources.findByIngestToken('hash-a')).toBeNull();
    expect(await sources.findByIngestToken('hash-b')).toBeNull();
  });

  it('records a fetch inside a storage transaction and rolls it back with the transaction', async () => {
    const storage = new KyselyStorage(test.handle, { clock: test.clock });
    const source = await storage.sources.create({
      unitId: unit.id,
      name: 'tx',
      kind: 'feed',
      url: 'https://tx.example/',
    });
    await expect(
      storage.transaction(async (tx) => {
        await tx.sources.recordFetch(source.id, {
          at: START,
          ok: false,
          newItems: 0,
          nextFetchAt: START + MINUTE,
          error: { code: 'FETCH_TIMEOUT', message: 'slow' },
          health: 'failing',
        });
        expect((await tx.sources.get(source.id))?.consecutiveErrors).toBe(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await storage.sources.get(source.id))?.consecutiveErrors).toBe(0);
  });
});
