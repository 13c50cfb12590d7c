/**
 * Migration 0002: what collection keeps (issue 3). Sources gain their fetch schedule, health and push
 * token; items gain platform ids, reply links, images and versions, with exact-dedup unique indexes per
 * source; new tables hold item versions, tombstones, fetch runs, hot-list topics, key periods and source
 * health events. Dialect-neutral: partial unique indexes and ALTER TABLE ADD COLUMN work on both engines.
 */
import { sql, type Kysely } from 'kysely';

/** Adds the collection columns and tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await extendSources(db);
  await extendItems(db);
  await createItemHistory(db);
  await createFetchRuns(db);
  await createHotTopics(db);
  await createKeyPeriods(db);
  await createHealthEvents(db);
}

async function extendSources(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'bigint' | 'integer' | 'text'][] = [
    ['next_fetch_at', 'bigint'],
    ['last_fetch_at', 'bigint'],
    ['last_success_at', 'bigint'],
    ['last_new_item_at', 'bigint'],
    ['last_error', 'text'],
    ['last_error_code', 'text'],
    ['last_error_at', 'bigint'],
    ['expected_period_seconds', 'integer'],
    ['min_interval_seconds', 'integer'],
    ['max_interval_seconds', 'integer'],
    ['host', 'text'],
    ['time_zone', 'text'],
    ['ingest_token_hash', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('sources').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('sources')
    .addColumn('consecutive_errors', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('sources')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('sources')
    .addColumn('ignore_robots', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('sources')
    .addColumn('health', 'text', (c) => c.notNull().defaultTo('new'))
    .execute();
  await fillHosts(db);
  await db.schema.createIndex('sources_due').on('sources').columns(['enabled', 'next_fetch_at']).execute();
  await db.schema
    .createIndex('sources_ingest_token')
    .on('sources')
    .column('ingest_token_hash')
    .unique()
    .execute();
}

/** Fills `host` of sources created before this migration, from their URL. */
async function fillHosts(db: Kysely<unknown>): Promise<void> {
  const typed = db as Kysely<{ sources: { id: string; url: string | null; host: string | null } }>;
  const rows = await typed.selectFrom('sources').select(['id', 'url']).where('url', 'is not', null).execute();
  for (const row of rows) {
    const host = hostOfUrl(row.url);
    if (host !== null) await typed.updateTable('sources').set({ host }).where('id', '=', row.id).execute();
  }
}

function hostOfUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

async function extendItems(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('items').addColumn('external_id', 'text').execute();
  await db.schema.alterTable('items').addColumn('reply_to_id', 'text').execute();
  await db.schema
    .alterTable('items')
    .addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('items').addColumn('updated_at', 'bigint').execute();
  await db.schema
    .alterTable('items')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await clearRepeatedCanonicalUrls(db);
  await db.schema
    .createIndex('items_source_external_id')
    .on('items')
    .columns(['source_id', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('items_source_canonical_url')
    .on('items')
    .columns(['source_id', 'canonical_url'])
    .unique()
    .where(sql.ref('canonical_url'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('items_source_content_hash')
    .on('items')
    .columns(['source_id', 'content_hash'])
    .execute();
  await db.schema.createIndex('items_reply_to').on('items').column('reply_to_id').execute();
}

/**
 * Before the canonical URL becomes unique per source, earlier repeats (allowed by 0001) keep their row
 * but lose the URL key; the oldest row of each (source, URL) keeps it.
 */
async function clearRepeatedCanonicalUrls(db: Kysely<unknown>): Promise<void> {
  await sql`update items set canonical_url = null
    where canonical_url is not null and source_id is not null and seq not in (
      select min(seq) from items where canonical_url is not null and source_id is not null
      group by source_id, canonical_url)`.execute(db);
}

async function createItemHistory(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('item_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('item_versions_item_version', ['item_id', 'version'])
    .execute();

  await db.schema
    .createTable('item_tombstones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('cascade'))
    .addColumn('key_type', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('item_tombstones_key')
    .on('item_tombstones')
    .columns(['source_id', 'key_type', 'key'])
    .unique()
    .execute();
}

async function createFetchRuns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fetch_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('found', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('fetch_runs_source_started')
    .on('fetch_runs')
    .columns(['source_id', 'started_at', 'id'])
    .execute();
  await db.schema.createIndex('fetch_runs_started').on('fetch_runs').column('started_at').execute();
}

async function createHotTopics(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hot_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_rank', 'integer', (c) => c.notNull())
    .addColumn('peak_rank', 'integer', (c) => c.notNull())
    .addColumn('last_heat', 'double precision')
    .addColumn('peak_heat', 'double precision')
    .addColumn('sightings', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('hot_topics_source_key', ['source_id', 'key'])
    .execute();
  await db.schema
    .createIndex('hot_topics_last_seen')
    .on('hot_topics')
    .columns(['last_seen_at', 'id'])
    .execute();

  await db.schema
    .createTable('hot_sightings')
    .addColumn('topic_id', 'text', (c) => c.notNull().references('hot_topics.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('heat', 'double precision')
    .addPrimaryKeyConstraint('hot_sightings_pk', ['topic_id', 'at'])
    .execute();
}

async function createKeyPeriods(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('key_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('multiplier', 'double precision', (c) => c.notNull().defaultTo(2))
    .addColumn('unit_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('source_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('key_periods_ends')
    .on('key_periods')
    .columns(['ends_at', 'starts_at'])
    .execute();
  await db.schema.createIndex('key_periods_unit').on('key_periods').column('unit_id').execute();
}

async function createHealthEvents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('source_health_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('source_health_events_unit_at')
    .on('source_health_events')
    .columns(['unit_id', 'at'])
    .execute();
  await db.schema
    .createIndex('source_health_events_source_at')
    .on('source_health_events')
    .columns(['source_id', 'at'])
    .execute();
}
