/**
 * The PostgreSQL search database of the 10-million-item benchmark. Loading ten million generated items
 * through the repository would take hours here, so it is built in two steps: the cached corpus (100,000
 * items by default) goes in through `storage.items.insertMany` — the application's own path, analysis
 * columns, tsvector and all — and is then copied inside the server (`INSERT … SELECT`, doubling each round)
 * until the target count is reached, each copy with its own id, external id and URL and its time moved by
 * up to a day. The secondary indexes (the GIN index included) are dropped for the copy and built again
 * afterwards from their own definitions, which ends in the same indexes as row-by-row maintenance. Term
 * frequencies per row stay those of the generator; texts repeat. The database is kept (named by seed and
 * size) with a marker row written after a complete load, so later runs reuse it unless `--fresh`.
 */
import pg from 'pg';
import { openStorage } from '../../src/storage/index.js';
import { INSERT_BATCH } from '../benchmarks/insert-measure.js';
import type { CorpusFiles } from '../corpus/cache.js';
import { readCorpus } from '../corpus/cache.js';
import { createReferences, resolveItem } from '../corpus/references.js';
import { PeakMemory } from '../support/memory.js';
import { today } from '../support/machine.js';
import { Progress } from '../support/progress.js';

/** How the database was loaded. */
export interface PostgresLoad {
  items: number;
  baseItems: number;
  baseSeconds: number;
  copySeconds: number;
  analyzeSeconds: number;
  peakRssMiB: number;
  databaseMiB: number;
  date: string;
  cached: boolean;
}

const DAY_MS = 86_400_000;

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function readMarker(url: string): Promise<PostgresLoad | null> {
  try {
    return await withClient(url, async (client) => {
      const result = await client.query<{ figures: string }>('select figures from bench_load_marker');
      const text = result.rows[0]?.figures;
      return text ? { ...(JSON.parse(text) as PostgresLoad), cached: true } : null;
    });
  } catch {
    return null;
  }
}

/** Returns the loaded database for (name, target), building it when needed. */
export async function ensurePostgresSearchDatabase(options: {
  serverUrl: string;
  name: string;
  target: number;
  base: CorpusFiles;
  baseSize: number;
  fresh: boolean;
}): Promise<{ url: string; load: PostgresLoad }> {
  const url = databaseUrl(options.serverUrl, options.name);
  if (!options.fresh) {
    const cached = await readMarker(url);
    if (cached) return { url, load: cached };
  }
  await withClient(options.serverUrl, async (client) => {
    await client.query(`drop database if exists ${options.name} with (force)`);
    await client.query(`create database ${options.name}`);
  });
  const memory = new PeakMemory();
  const baseSeconds = await loadBase(url, options.base, Math.min(options.baseSize, options.target));
  const copy = await copyUntil(url, options.target);
  const load: PostgresLoad = {
    items: copy.items,
    baseItems: Math.min(options.baseSize, options.target),
    baseSeconds,
    copySeconds: copy.seconds,
    analyzeSeconds: copy.analyzeSeconds,
    peakRssMiB: memory.stop(),
    databaseMiB: copy.databaseMiB,
    date: today(),
    cached: false,
  };
  await withClient(url, async (client) => {
    await client.query('create table bench_load_marker (figures text not null)');
    await client.query('insert into bench_load_marker (figures) values ($1)', [JSON.stringify(load)]);
  });
  return { url, load };
}

async function loadBase(url: string, corpus: CorpusFiles, size: number): Promise<number> {
  const storage = await openStorage(url, { migrate: true });
  try {
    const references = await createReferences(storage);
    const progress = new Progress('load base corpus', size);
    const start = performance.now();
    let done = 0;
    for await (const batch of readCorpus(corpus.items, INSERT_BATCH, size)) {
      await storage.items.insertMany(batch.map((item) => resolveItem(item, references)));
      done += batch.length;
      progress.tick(done);
    }
    progress.finish(done);
    return (performance.now() - start) / 1000;
  } finally {
    await storage.close();
  }
}

/** The columns an `INSERT … SELECT` copies (all but the identity key and generated columns). */
async function copiedColumns(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = 'items'
        and is_generated = 'NEVER' and column_name <> 'seq'
      order by ordinal_position`,
  );
  return result.rows.map((row) => row.column_name);
}

/** The SELECT expression of a copied column in round `round`: new identity, time moved within a day. */
function copyExpression(column: string, round: number): string {
  const shift = ((round * 104_729 * 1000) % DAY_MS).toString();
  switch (column) {
    case 'id':
      return `id || '.r${round}'`;
    case 'external_id':
      return `case when external_id is null then null else external_id || '.r${round}' end`;
    case 'canonical_url':
      return `case when canonical_url is null then null else canonical_url || '#r${round}' end`;
    case 'url':
      return `case when url is null then null else url || '#r${round}' end`;
    case 'published_at':
      return `published_at - ${shift}`;
    case 'collected_at':
      return `collected_at - ${shift}`;
    default:
      return column;
  }
}

/**
 * Drops the non-unique indexes of the items table (on every partition) and returns the statements that
 * build them again: one build after the copy is far faster than maintaining them row by row, and ends in
 * the same indexes. Unique indexes stay, so the copy is checked against them as it goes.
 */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename = 'items' and indexdef not like 'CREATE UNIQUE%'`,
  );
  for (const row of result.rows) await client.query(`drop index ${row.indexname}`);
  return result.rows.map((row) => row.indexdef.replace(' ON ONLY ', ' ON '));
}

async function copyUntil(
  url: string,
  target: number,
): Promise<{ items: number; seconds: number; analyzeSeconds: number; databaseMiB: number }> {
  return withClient(url, async (client) => {
    await client.query("set maintenance_work_mem = '512MB'");
    await client.query("set work_mem = '256MB'");
    const columns = await copiedColumns(client);
    const count = async (): Promise<number> =>
      Number((await client.query<{ n: string }>('select count(*) as n from items')).rows[0]?.n ?? 0);
    let items = await count();
    const progress = new Progress('copy inside the server', target);
    const start = performance.now();
    const rebuild = await dropSecondaryIndexes(client);
    for (let round = 1; items < target; round += 1) {
      const take = Math.min(items, target - items);
      const select = columns.map((column) => copyExpression(column, round)).join(', ');
      await client.query(
        `insert into items (${columns.join(', ')})
         select ${select} from (select * from items order by seq limit ${take}) s`,
      );
      items += take;
      progress.tick(items);
    }
    progress.finish(items);
    for (const definition of rebuild) await client.query(definition);
    const seconds = (performance.now() - start) / 1000;
    const analyzeStart = performance.now();
    await client.query('vacuum analyze items');
    const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
    const size = await client.query<{ size: string }>('select pg_database_size(current_database()) as size');
    return { items, seconds, analyzeSeconds, databaseMiB: Number(size.rows[0]?.size ?? 0) / 1024 / 1024 };
  });
}
