/**
 * The PostgreSQL side of a copy: opened through the project's own pool (timeouts, bigint as number), reached
 * within a deadline, migrated with the project's migrator, and described from its catalogue so the copy
 * knows each column's type and which columns PostgreSQL fills by itself (the generated search vector).
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db.js';

/** How a column's values are converted and compared. */
export type ValueKind = 'int' | 'float4' | 'float8' | 'bool' | 'bytea' | 'text';

/** One column of a target table. */
export interface TargetColumn {
  name: string;
  /** The type as PostgreSQL spells it (`bigint`, `double precision`, …), used for casts. */
  type: string;
  kind: ValueKind;
  /** Computed by PostgreSQL (`generated always as … stored`): never written. */
  generated: boolean;
  /** Numbered by an identity or serial sequence that must move past the copied values. */
  sequenced: boolean;
}

/** An open target database without the camel-case plugin: the copy speaks the schema's own names. */
export interface TargetDatabase {
  handle: DatabaseHandle;
  db: Kysely<unknown>;
}

/** Opens `postgres://…` and waits at most `connectTimeoutMs` for its first answer. */
export async function openTarget(
  url: string,
  options: { connectTimeoutMs: number; statementTimeoutMs: number },
): Promise<TargetDatabase> {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new AppError('VALIDATION_FAILED', `--to must be a postgres:// URL (got "${url.slice(0, 20)}…")`);
  const handle = openDatabase(url, { statementTimeoutMs: options.statementTimeoutMs });
  const db = handle.db.withoutPlugins() as unknown as Kysely<unknown>;
  try {
    await withDeadline(sql`select 1`.execute(db), options.connectTimeoutMs);
  } catch (error) {
    void handle.close().catch(() => undefined);
    throw new AppError(
      'STORAGE_UNAVAILABLE',
      `cannot reach the target PostgreSQL at ${hostOf(url)}: ${messageOf(error)}`,
    );
  }
  return { handle, db };
}

/** Brings the target's schema up to date and returns the names of its applied migrations. */
export async function migrateTarget(target: TargetDatabase): Promise<string[]> {
  await migrateToLatest(target.handle);
  const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(
    target.db,
  );
  return rows.map((row) => row.name);
}

/** The columns of `table` on the target, or null when the table does not exist there. */
export async function describeTargetTable(
  db: Kysely<unknown>,
  table: string,
): Promise<TargetColumn[] | null> {
  const { rows } = await sql<{
    name: string;
    type: string;
    generated: string;
    identity: string;
    defaultExpr: string | null;
  }>`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
        a.attgenerated as generated, a.attidentity as identity,
        pg_get_expr(d.adbin, d.adrelid) as "defaultExpr"
      from pg_attribute a
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = to_regclass(quote_ident(${table})) and a.attnum > 0 and not a.attisdropped
      order by a.attnum`.execute(db);
  if (rows.length === 0) return null;
  return rows.map((row) => ({
    name: row.name,
    type: row.type,
    kind: kindOf(row.type),
    generated: row.generated !== '',
    sequenced: row.identity !== '' || (row.defaultExpr ?? '').startsWith('nextval('),
  }));
}

/** Rows in `table` on the target. */
export async function countTarget(db: Kysely<unknown>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Moves the sequence behind `column` past the largest copied value, so new rows get fresh numbers. */
export async function resetSequence(db: Kysely<unknown>, table: string, column: string): Promise<void> {
  await sql`select setval(seq, coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)
    from (select pg_get_serial_sequence(quote_ident(${table}), ${column}) as seq) s
    where seq is not null`.execute(db);
}

/** Refreshes the planner's statistics after a bulk load. */
export async function analyzeTarget(db: Kysely<unknown>): Promise<void> {
  await sql`analyze`.execute(db);
}

function kindOf(type: string): ValueKind {
  if (type === 'real') return 'float4';
  if (type === 'double precision' || type.startsWith('numeric')) return 'float8';
  if (type === 'integer' || type === 'bigint' || type === 'smallint') return 'int';
  if (type === 'boolean') return 'bool';
  if (type === 'bytea') return 'bytea';
  return 'text';
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
