import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { migrationProvider } from '../../src/storage/migrations/index.js';
import { KyselySourceRepository } from '../../src/storage/sources/repository.js';
import { ManualClock } from '../../src/platform/clock.js';
import { databaseTargets, type DatabaseTarget } from '../helpers/databases.js';
import { START } from './fixtures.js';

const NEW_TABLES = [
  'item_versions',
  'item_tombstones',
  'fetch_runs',
  'hot_topics',
  'hot_sightings',
  'key_periods',
  'source_health_events',
];

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const query =
    handle.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`;
  const { rows } = await query.execute(handle.db);
  return rows.map((row) => row.name);
}

function migrator(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db as unknown as Kysely<unknown>,
    provider: migrationProvider(handle.dialect),
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/** Rows as a 0001 database holds them, written with raw SQL so the 0002 columns are not needed. */
async function seedCoreRows(handle: DatabaseHandle): Promise<void> {
  await sql`insert into units (id, parent_id, name, code, path, created_at, updated_at)
    values ('u1', null, 'office', null, '/u1/', 1, 1)`.execute(handle.db);
  await sql`insert into sources (id, unit_id, name, kind, url, interval_seconds, enabled, config, created_at, updated_at)
    values ('s1', 'u1', 'news', 'feed', 'https://News.Example:8443/rss', 900, 1, '{}', 1, 1),
           ('s2', 'u1', 'upload', 'import', null, 900, 1, '{}', 1, 1)`.execute(handle.db);
  for (const [id, url] of [
    ['i1', 'https://news.example/a'],
    ['i2', 'https://news.example/a'],
    ['i3', 'https://news.example/b'],
  ]) {
    await sql`insert into items (id, unit_id, source_id, kind, canonical_url, content, content_hash, published_at, collected_at, created_at)
      values (${id}, 'u1', 's1', 'article', ${url}, ${`text ${id}`}, ${`hash-${id}`}, 1, 1, 1)`.execute(
      handle.db,
    );
  }
}

describe.each(databaseTargets)('migration 0002-collection on $name', (target: DatabaseTarget) => {
  let cleanup: (() => Promise<void>) | null = null;

  afterEach(async () => {
    await cleanup?.();
    cleanup = null;
  });

  async function open(): Promise<DatabaseHandle> {
    const created = await target.create();
    const handle = openDatabase(created.url);
    cleanup = async () => {
      await handle.close();
      await created.drop();
    };
    return handle;
  }

  it('creates the collection tables on a fresh database and has nothing left to run afterwards', async () => {
    const handle = await open();
    const first = await migrateToLatest(handle);
    expect(first.results?.map((r) => r.migrationName).slice(0, 2)).toEqual(['0001-core', '0002-collection']);
    expect(await tableNames(handle)).toEqual(expect.arrayContaining(NEW_TABLES));
    const again = await migrateToLatest(handle);
    expect(again.results).toEqual([]);
  });

  it('upgrades a database left at 0001: hosts filled, repeated canonical URLs cleared, defaults set', async () => {
    const handle = await open();
    const upTo1 = await migrator(handle).migrateTo('0001-core');
    expect(upTo1.error).toBeUndefined();
    expect(await tableNames(handle)).not.toContain('fetch_runs');
    await seedCoreRows(handle);

    const result = await migrateToLatest(handle);
    expect(result.results?.map((r) => r.migrationName)[0]).toBe('0002-collection');

    const sources = new KyselySourceRepository(handle.db, new ManualClock(START));
    const feed = await sources.get('s1');
    expect(feed).toMatchObject({
      host: 'news.example:8443',
      health: 'new',
      consecutiveErrors: 0,
      nextFetchAt: null,
      state: {},
      ignoreRobots: false,
      timeZone: null,
    });
    expect((await sources.get('s2'))?.host).toBeNull();

    const items = await handle.db
      .selectFrom('items')
      .select(['id', 'canonicalUrl', 'version', 'images'])
      .orderBy('id')
      .execute();
    expect(items).toEqual([
      { id: 'i1', canonicalUrl: 'https://news.example/a', version: 1, images: '[]' },
      { id: 'i2', canonicalUrl: null, version: 1, images: '[]' },
      { id: 'i3', canonicalUrl: 'https://news.example/b', version: 1, images: '[]' },
    ]);
  });
});
