/**
 * Migration 0001: the core schema (units, roles, users, tokens, sessions, sources, items with their
 * full-text index, schemes, audit log). Dialect-neutral except the item row key and the search index.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';

const ROLE_ROWS = [
  { key: 'admin', name_zh: '管理员', name_en: 'Administrator' },
  { key: 'monitor', name_zh: '监测员', name_en: 'Monitor' },
  { key: 'handler', name_zh: '处置人员', name_en: 'Handler' },
  { key: 'leader', name_zh: '领导', name_en: 'Leader' },
  { key: 'viewer', name_zh: '只读用户', name_en: 'Viewer' },
];

/** Creates the core tables. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();

  await db.schema
    .createTable('roles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ roles: { key: string; name_zh: string; name_en: string } }>)
    .insertInto('roles')
    .values(ROLE_ROWS)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_login_at', 'bigint')
    .execute();
  await db.schema.createIndex('users_unit').on('users').column('unit_id').execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().references('roles.key'))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('platform', 'text')
    .addColumn('tier', 'text')
    .addColumn('region', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sources_unit').on('sources').column('unit_id').execute();

  await createItems(db, dialect);

  await db.schema
    .createTable('schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('expression', 'text', (c) => c.notNull())
    .addColumn('words', 'text')
    .addColumn('target', 'text', (c) => c.notNull().defaultTo('both'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schemes_unit').on('schemes').column('unit_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_unit_at').on('audit_log').columns(['unit_id', 'at']).execute();
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target_type', 'target_id'])
    .execute();
}

async function createItems(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  let table = db.schema.createTable('items');
  table =
    dialect === 'sqlite'
      ? table.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      : table.addColumn('seq', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
  await table
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('source_id', 'text', (c) => c.references('sources.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('platform', 'text')
    .addColumn('url', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('title', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('normalized_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tokens', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author', 'text')
    .addColumn('parent_id', 'text')
    .addColumn('source_region', 'text')
    .addColumn('ip_region', 'text')
    .addColumn('language', 'text')
    .addColumn('sentiment', 'text')
    .addColumn('sentiment_score', 'real')
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('regions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('appeal', 'integer')
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('simhash', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reposts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('views', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('collected_at', 'bigint', (c) => c.notNull())
    .addColumn('analysed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('items_unit_published')
    .on('items')
    .columns(['unit_id', 'published_at', 'seq'])
    .execute();
  await db.schema.createIndex('items_published').on('items').columns(['published_at', 'seq']).execute();
  await db.schema
    .createIndex('items_source_published')
    .on('items')
    .columns(['source_id', 'published_at'])
    .execute();
  await db.schema.createIndex('items_parent').on('items').column('parent_id').execute();
  await db.schema
    .createIndex('items_content_hash')
    .on('items')
    .columns(['unit_id', 'content_hash'])
    .execute();
  await db.schema
    .createIndex('items_canonical_url')
    .on('items')
    .columns(['unit_id', 'canonical_url'])
    .execute();
  await createSearchIndex(db, dialect);
}

/** SQLite: an FTS5 external-content index kept in step by triggers. PostgreSQL: a generated tsvector + GIN. */
async function createSearchIndex(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table items add column search tsvector generated always as (to_tsvector('simple', tokens)) stored`.execute(
      db,
    );
    await sql`create index items_search on items using gin (search)`.execute(db);
    return;
  }
  await sql`create virtual table items_fts using fts5(tokens, content='items', content_rowid='seq', tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  await sql`create trigger items_fts_insert after insert on items begin
    insert into items_fts(rowid, tokens) values (new.seq, new.tokens); end`.execute(db);
  await sql`create trigger items_fts_delete after delete on items begin
    insert into items_fts(items_fts, rowid, tokens) values ('delete', old.seq, old.tokens); end`.execute(db);
  await sql`create trigger items_fts_update after update of tokens on items begin
    insert into items_fts(items_fts, rowid, tokens) values ('delete', old.seq, old.tokens);
    insert into items_fts(rowid, tokens) values (new.seq, new.tokens); end`.execute(db);
}
