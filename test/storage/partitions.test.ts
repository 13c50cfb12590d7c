/**
 * Items partitioned by month of their id on PostgreSQL (migration 0017, storage/partitions): the migration
 * over a database with items keeps every row, its `seq` and the rows that reference it; partitions are
 * made ahead; rows that land in the DEFAULT partition move to their month; each partition has its own
 * search index; a search from a date reads only the partitions from that date on. SQLite is unchanged.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchNode } from '../../src/analysis/expression/search-tree.js';
import { ManualClock } from '../../src/platform/clock.js';
import { newId } from '../../src/platform/ids.js';
import { isAppError } from '../../src/platform/errors.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { KyselyItemRepository } from '../../src/storage/items/repository.js';
import { searchStatement } from '../../src/storage/items/search-query.js';
import { migrationProvider } from '../../src/storage/migrations/index.js';
import { maintainItemPartitions } from '../../src/storage/partitions/maintain.js';
import { monthPartitionOf, monthsAheadOf } from '../../src/storage/partitions/months.js';
import type { ItemSearch, NewItem } from '../../src/storage/repositories.js';
import { KyselySourceRepository } from '../../src/storage/sources/repository.js';
import { KyselyStorage } from '../../src/storage/storage.js';
import { KyselyUnitRepository } from '../../src/storage/units/repository.js';
import { postgresTarget, sqliteTarget, type DatabaseTarget } from '../helpers/databases.js';

const DAY = 86_400_000;
/** Times in four months, the oldest long before any partition the migration makes ahead. */
const NOV_2023 = Date.UTC(2023, 10, 15);
const JAN_2024 = Date.UTC(2024, 0, 10);
const FEB_2024 = Date.UTC(2024, 1, 20);
const MAR_2024 = Date.UTC(2024, 2, 5);

interface Opened {
  handle: DatabaseHandle;
  raw: Kysely<unknown>;
  items: KyselyItemRepository;
  unitId: string;
  sourceId: string;
  drop(): Promise<void>;
}

/** A database on `target` migrated up to `until` (the latest when not given), with one unit and source. */
async function open(target: DatabaseTarget, until?: string): Promise<Opened> {
  const created = await target.create();
  const handle = openDatabase(created.url);
  const raw = handle.db as unknown as Kysely<unknown>;
  if (until === undefined) await migrateToLatest(handle);
  else {
    const migrator = new Migrator({
      db: raw,
      provider: migrationProvider(handle.dialect),
      migrationTableName: 'schema_migrations',
      migrationLockTableName: 'schema_migrations_lock',
    });
    const result = await migrator.migrateTo(until);
    if (result.error) throw result.error;
  }
  const clock = new ManualClock(NOV_2023);
  const unit = await new KyselyUnitRepository(handle.db, clock).create({ name: 'office', parentId: null });
  const source = await new KyselySourceRepository(handle.db, clock).create({
    unitId: unit.id,
    name: 'forum',
    kind: 'page',
  });
  return {
    handle,
    raw,
    items: new KyselyItemRepository(handle.db, handle.dialect, clock),
    unitId: unit.id,
    sourceId: source.id,
    async drop() {
      await handle.close();
      await created.drop();
    },
  };
}

let counter = 0;

/** An item collected (and its id minted) at `at`, with a word to search for. */
function itemAt(db: Opened, at: number, fields: Partial<NewItem> = {}): NewItem {
  counter += 1;
  return {
    id: newId(at),
    unitId: db.unitId,
    sourceId: db.sourceId,
    kind: 'post',
    content: `flood report ${counter}`,
    tokens: `flood report ${counter}`,
    contentHash: `hash-${counter}`,
    externalId: `ext-${counter}`,
    publishedAt: at - 3_600_000,
    collectedAt: at,
    ...fields,
  };
}

/** Which table holds each item id. */
async function partitionsOf(db: Opened): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; partition: string }>`select id,
    tableoid::regclass::text as partition from items`.execute(db.raw);
  return new Map(rows.map((row) => [row.id, row.partition]));
}

async function partitionList(db: Opened): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid where i.inhparent = 'items'::regclass order by 1`.execute(db.raw);
  return rows.map((row) => row.name);
}

async function referencingKeys(db: Opened): Promise<string[]> {
  const { rows } = await sql<{
    key: string;
  }>`select conrelid::regclass::text || ' ' || pg_get_constraintdef(oid)
      as key from pg_constraint
    where contype = 'f' and conparentid = 0 and confrelid = 'items'::regclass order by 1`.execute(db.raw);
  return rows.map((row) => row.key);
}

/** Stores a version row and a sentiment correction for `itemId` (two tables that reference items). */
async function addReferences(db: Opened, itemId: string): Promise<void> {
  await sql`insert into item_versions (id, item_id, version, content, content_hash, recorded_at)
    values (${newId()}, ${itemId}, 1, 'before', 'h0', 0)`.execute(db.raw);
  await sql`insert into sentiment_corrections (id, item_id, unit_id, label, created_at)
    values (${newId()}, ${itemId}, ${db.unitId}, 'negative', 0)`.execute(db.raw);
}

async function referenceCount(db: Opened, itemId: string): Promise<number> {
  const { rows } = await sql<{ count: string | number }>`select
    (select count(*) from item_versions where item_id = ${itemId}) +
    (select count(*) from sentiment_corrections where item_id = ${itemId}) as count`.execute(db.raw);
  return Number(rows[0]?.count);
}

const FLOOD: SearchNode = { type: 'term', tokens: ['flood'] };

describe.skipIf(postgresTarget === null)('items partitioned by month on PostgreSQL', () => {
  const target = postgresTarget as DatabaseTarget;
  let db: Opened;

  afterEach(async () => {
    await db.drop();
  });

  it('migrates a database with items in several months, keeping every item, seq and reference', async () => {
    db = await open(target, '0016-reports');
    const ids = await db.items.insertMany([
      itemAt(db, NOV_2023),
      itemAt(db, JAN_2024),
      itemAt(db, JAN_2024 + DAY),
      itemAt(db, FEB_2024),
      itemAt(db, Date.now()),
      itemAt(db, JAN_2024, { id: 'legacy-item' }),
    ]);
    for (const id of ids) await addReferences(db, id);
    const keysBefore = await referencingKeys(db);
    const { rows: before } = await sql<{ id: string; seq: number }>`select id, seq from items
      order by id`.execute(db.raw);

    await migrateToLatest(db.handle);

    const { rows: after } = await sql<{ id: string; seq: number }>`select id, seq from items
      order by id`.execute(db.raw);
    expect(after).toEqual(before);
    expect(await referencingKeys(db)).toEqual(keysBefore);
    expect(keysBefore.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) expect(await referenceCount(db, id)).toBe(2);

    const where = await partitionsOf(db);
    expect(where.get(ids[0] ?? '')).toBe('items_p2023_11');
    expect(where.get(ids[1] ?? '')).toBe('items_p2024_01');
    expect(where.get(ids[2] ?? '')).toBe('items_p2024_01');
    expect(where.get(ids[3] ?? '')).toBe('items_p2024_02');
    expect(where.get(ids[4] ?? '')).toBe(monthPartitionOf(Date.now()).name);
    expect(where.get('legacy-item')).toBe('items_default');
    const partitions = await partitionList(db);
    for (const month of monthsAheadOf(Date.now())) expect(partitions).toContain(month.name);
    expect(partitions).not.toContain('items_p2023_12');

    const fresh = await db.items.insertMany([itemAt(db, FEB_2024 + DAY)]);
    const { rows: seqs } = await sql<{ id: string; seq: number }>`select id, seq from items`.execute(db.raw);
    const newSeq = Number(seqs.find((row) => row.id === fresh[0])?.seq);
    expect(newSeq).toBeGreaterThan(Math.max(...before.map((row) => Number(row.seq))));

    const found = await db.items.search({
      scope: { unitIds: null },
      match: FLOOD,
      filters: {},
      sort: 'time',
      page: { limit: 50 },
    });
    expect(found.items.map((item) => item.id).sort()).toEqual([...ids, ...fresh].sort());
  });

  it('migrates an empty database: partitioned, with this month, the months ahead and DEFAULT', async () => {
    db = await open(target);
    const { rows } = await sql<{ kind: string }>`select relkind as kind from pg_class
      where oid = 'items'::regclass`.execute(db.raw);
    expect(rows[0]?.kind).toBe('p');
    expect(await partitionList(db)).toEqual(
      [...monthsAheadOf(Date.now()).map((month) => month.name), 'items_default'].sort(),
    );
  });

  it('gives every partition its own GIN search index and per-source unique keys', async () => {
    db = await open(target);
    const partitions = await partitionList(db);
    const { rows } = await sql<{ table: string; definition: string }>`select tablename as "table",
      indexdef as definition from pg_indexes where schemaname = current_schema()`.execute(db.raw);
    for (const partition of partitions) {
      const own = rows.filter((row) => row.table === partition).map((row) => row.definition);
      expect(own.some((definition) => /USING gin \(search\)/.test(definition))).toBe(true);
      expect(own.some((definition) => /UNIQUE.*\(source_id, external_id\)/.test(definition))).toBe(true);
    }
    const { rows: attached } = await sql<{ count: string | number }>`select count(*) as count from pg_inherits
      where inhparent = 'items_search'::regclass`.execute(db.raw);
    expect(Number(attached[0]?.count)).toBe(partitions.length);

    const now = Date.now();
    await db.items.insertMany([itemAt(db, now, { externalId: 'same' })]);
    await expect(db.items.insertMany([itemAt(db, now + 1, { externalId: 'same' })])).rejects.toSatisfy(
      (error) => isAppError(error) && error.code === 'CONFLICT',
    );
  });

  it('catches an id outside the partitions in DEFAULT and moves it, with its references, to its month', async () => {
    db = await open(target);
    const old = Date.UTC(2019, 5, 12);
    const [id] = await db.items.insertMany([itemAt(db, old)]);
    const itemId = id ?? '';
    await addReferences(db, itemId);
    const keys = await referencingKeys(db);
    expect((await partitionsOf(db)).get(itemId)).toBe('items_default');

    const report = await maintainItemPartitions(db.raw, Date.now());
    expect(report).toEqual({ created: ['items_p2019_06'], moved: 1 });
    expect((await partitionsOf(db)).get(itemId)).toBe('items_p2019_06');
    expect(await referenceCount(db, itemId)).toBe(2);
    expect(await referencingKeys(db)).toEqual(keys);
    expect((await db.items.get(itemId))?.content).toMatch(/^flood report/);

    expect(await maintainItemPartitions(db.raw, Date.now())).toEqual({ created: [], moved: 0 });
  });

  it('creates the partitions of new months ahead, once, and of a span asked for', async () => {
    db = await open(target);
    const later = Date.UTC(2031, 0, 15);
    const storage = new KyselyStorage(db.handle);
    const report = await storage.itemPartitions.maintain(later);
    expect(report).toEqual({
      created: ['items_p2031_01', 'items_p2031_02', 'items_p2031_03', 'items_p2031_04'],
      moved: 0,
    });
    expect(await storage.itemPartitions.maintain(later)).toEqual({ created: [], moved: 0 });
    const [id] = await db.items.insertMany([itemAt(db, Date.UTC(2031, 2, 1))]);
    expect((await partitionsOf(db)).get(id ?? '')).toBe('items_p2031_03');

    const span = { fromMs: Date.UTC(2018, 0, 15), toMs: Date.UTC(2018, 2, 1) };
    expect(await maintainItemPartitions(db.raw, later, span)).toEqual({
      created: ['items_p2018_01', 'items_p2018_02'],
      moved: 0,
    });
  });

  it('still cascades a deleted item to the rows that reference it', async () => {
    db = await open(target);
    const [id] = await db.items.insertMany([itemAt(db, Date.now())]);
    const itemId = id ?? '';
    await addReferences(db, itemId);
    await db.items.delete(itemId, 'deleted');
    expect(await db.items.get(itemId)).toBeNull();
    expect(await referenceCount(db, itemId)).toBe(0);
  });

  it('plans a search from a date over the partitions from that date on only', async () => {
    db = await open(target, '0016-reports');
    await db.items.insertMany([itemAt(db, JAN_2024), itemAt(db, FEB_2024), itemAt(db, MAR_2024)]);
    await migrateToLatest(db.handle);
    const query = (from?: number): ItemSearch => ({
      scope: { unitIds: null },
      match: FLOOD,
      filters: from === undefined ? {} : { from },
      sort: 'time',
      page: { limit: 20 },
    });
    const scanned = async (search: ItemSearch): Promise<string[]> => {
      const statement = searchStatement('postgres', search, null, 21);
      const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${statement}`.execute(
        db.raw,
      );
      const names = JSON.stringify(rows[0]).match(/"Relation Name":"[a-z0-9_]+"/g) ?? [];
      return [...new Set(names.map((name) => name.slice('"Relation Name":"'.length, -1)))].sort();
    };

    const all = await scanned(query());
    expect(all).toEqual(expect.arrayContaining(['items_p2024_01', 'items_p2024_02', 'items_p2024_03']));
    const fromFebruary = await scanned(query(Date.UTC(2024, 1, 10)));
    expect(fromFebruary).toContain('items_p2024_02');
    expect(fromFebruary).toContain('items_p2024_03');
    expect(fromFebruary).not.toContain('items_p2024_01');

    const page = await db.items.search(query(Date.UTC(2024, 1, 10)));
    expect(page.items).toHaveLength(2);
  });
});

describe('item partitions on SQLite', () => {
  let db: Opened;

  beforeAll(async () => {
    db = await open(sqliteTarget);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('keeps items a plain table and reports no partition work', async () => {
    const { rows } = await sql<{ type: string }>`select type from sqlite_master where name = 'items'`.execute(
      db.raw,
    );
    expect(rows[0]?.type).toBe('table');
    expect(await new KyselyStorage(db.handle).itemPartitions.maintain(Date.now())).toEqual({
      created: [],
      moved: 0,
    });
  });
});
