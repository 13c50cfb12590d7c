/**
 * Before a row moves: both sides at the same migration, every source table and column present on the
 * target, the tables in foreign-key order, and a target that holds nothing but what migrations put there
 * (unless the copy resumes).
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { migrateToLatest, openDatabase } from '../db.js';
import { foreignKeyOrder } from './order.js';
import type { SourceDatabase, SourceTable } from './source.js';
import { countTarget, describeTargetTable, type TargetColumn } from './target.js';

/** One table to copy: its source shape and the target columns its values go to. */
export interface TablePlan {
  table: SourceTable;
  /** Target columns in source order, generated ones left out. */
  columns: TargetColumn[];
  /** Columns whose sequence must move past the copied values. */
  sequenced: string[];
}

/** Refuses unless the source and the (migrated) target have applied exactly the same migrations. */
export function checkSameMigrations(source: readonly string[], target: readonly string[]): void {
  const sourceLast = source.at(-1) ?? 'none';
  const targetLast = target.at(-1) ?? 'none';
  const missingOnSource = target.filter((name) => !source.includes(name));
  if (missingOnSource.length > 0)
    throw new AppError(
      'TRANSFER_SCHEMA_MISMATCH',
      `the source is at migration ${sourceLast} but this version of Fengxiang is at ${targetLast}: ` +
        `bring the source up to date first (back it up, then DATABASE_URL=sqlite:… fengxiang migrate)`,
      { missingOnSource },
    );
  const unknown = source.filter((name) => !target.includes(name));
  if (unknown.length > 0)
    throw new AppError(
      'TRANSFER_SCHEMA_MISMATCH',
      `the source has migrations this version of Fengxiang does not know (${unknown.join(', ')}): ` +
        `run the copy with the version that last used the source`,
      { unknown },
    );
}

/** The tables of the source in copy order, each matched with its target columns. */
export async function planTables(source: SourceDatabase, target: Kysely<unknown>): Promise<TablePlan[]> {
  const plans: TablePlan[] = [];
  for (const table of foreignKeyOrder(source.tables())) {
    const described = await describeTargetTable(target, table.name);
    if (!described)
      throw new AppError('TRANSFER_SCHEMA_MISMATCH', `table ${table.name} does not exist on the target`);
    const byName = new Map(described.filter((c) => !c.generated).map((c) => [c.name, c]));
    const columns = table.columns.map((name) => {
      const column = byName.get(name);
      if (!column)
        throw new AppError(
          'TRANSFER_SCHEMA_MISMATCH',
          `column ${table.name}.${name} has no writable counterpart on the target`,
        );
      return column;
    });
    plans.push({ table, columns, sequenced: columns.filter((c) => c.sequenced).map((c) => c.name) });
  }
  return plans;
}

/**
 * Refuses a target that holds rows of its own: more rows in any table than a freshly migrated database
 * has (migrations seed the role catalogue, nothing else a user made).
 */
export async function checkTargetEmpty(plans: readonly TablePlan[], target: Kysely<unknown>): Promise<void> {
  const seeded = await seededCounts(plans.map((plan) => plan.table.name));
  const occupied: string[] = [];
  for (const plan of plans) {
    const rows = await countTarget(target, plan.table.name);
    if (rows > (seeded.get(plan.table.name) ?? 0)) occupied.push(`${plan.table.name} (${rows})`);
  }
  if (occupied.length > 0)
    throw new AppError(
      'TRANSFER_TARGET_NOT_EMPTY',
      `the target already holds rows in ${listed(occupied)}: copy into an empty database, ` +
        `or give --resume to finish an interrupted copy into this one`,
      { tables: occupied },
    );
}

/** The first few entries of a long list, and how many more there are. */
function listed(entries: readonly string[], shown = 6): string {
  const more = entries.length - shown;
  return more > 0 ? `${entries.slice(0, shown).join(', ')} and ${more} more` : entries.join(', ');
}

/** Rows per table in a database that has only been migrated (an in-memory SQLite one). */
async function seededCounts(tables: readonly string[]): Promise<Map<string, number>> {
  const handle = openDatabase('sqlite::memory:');
  try {
    await migrateToLatest(handle);
    const db = handle.db.withoutPlugins() as unknown as Kysely<unknown>;
    const counts = new Map<string, number>();
    for (const table of tables) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
      counts.set(table, Number(rows[0]?.n ?? 0));
    }
    return counts;
  } finally {
    await handle.close();
  }
}
