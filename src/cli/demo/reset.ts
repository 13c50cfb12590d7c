/**
 * Removing the demo workspace (`fengxiang demo --reset`): every row of the demo's units, found through the
 * database's own catalogue so that tables added later are covered too. Rows of a table with a `unit_id`
 * go when their unit is a demo unit; rows of other tables go when they point (without ON DELETE CASCADE or
 * SET NULL) at rows that go. Tables are emptied in the order foreign keys allow, all in one transaction:
 * a row of another unit that still points into the demo stops the reset and nothing is deleted.
 */
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../storage/db.js';
import { AppError } from '../../platform/errors.js';

/** A foreign key column of a table. */
interface ForeignKey {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
  onDelete: string;
}

/** The tables, their columns and foreign keys. */
interface Catalogue {
  columns: Map<string, Set<string>>;
  foreignKeys: ForeignKey[];
}

/** How deep the "points at rows that go" chain is followed. */
const MAX_DEPTH = 4;

function quote(identifier: string): string {
  return `"${identifier.replace(/"/gu, '""')}"`;
}

async function sqliteCatalogue(db: Kysely<unknown>): Promise<Catalogue> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const columns = new Map<string, Set<string>>();
  const foreignKeys: ForeignKey[] = [];
  for (const { name } of tables.rows) {
    const info = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
    columns.set(name, new Set(info.rows.map((row) => row.name)));
    const keys = await sql<{ reftable: string; col: string; refcol: string | null; ondelete: string }>`
      select "table" as reftable, "from" as col, "to" as refcol, on_delete as ondelete
      from pragma_foreign_key_list(${name})`.execute(db);
    for (const key of keys.rows) {
      foreignKeys.push({
        table: name,
        column: key.col,
        refTable: key.reftable,
        refColumn: key.refcol ?? 'id',
        onDelete: key.ondelete.toUpperCase(),
      });
    }
  }
  return { columns, foreignKeys };
}

async function postgresCatalogue(db: Kysely<unknown>): Promise<Catalogue> {
  const cols = await sql<{ tab: string; col: string }>`
    select table_name as tab, column_name as col from information_schema.columns
    where table_schema = current_schema()`.execute(db);
  const columns = new Map<string, Set<string>>();
  for (const row of cols.rows) {
    const set = columns.get(row.tab) ?? new Set<string>();
    set.add(row.col);
    columns.set(row.tab, set);
  }
  const keys = await sql<{ tab: string; col: string; reftable: string; refcol: string; rule: string }>`
    select kcu.table_name as tab, kcu.column_name as col, ccu.table_name as reftable,
           ccu.column_name as refcol, rc.delete_rule as rule
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
    where kcu.table_schema = current_schema()`.execute(db);
  const foreignKeys = keys.rows.map((key) => ({
    table: key.tab,
    column: key.col,
    refTable: key.reftable,
    refColumn: key.refcol,
    onDelete: key.rule.toUpperCase(),
  }));
  return { columns, foreignKeys };
}

/** The condition selecting the rows of `table` that go, or null when none do. */
function doomed(catalogue: Catalogue, table: string, unitList: string, depth: number): string | null {
  const columns = catalogue.columns.get(table);
  if (!columns) return null;
  if (table === 'units') return `${quote('id')} in (${unitList})`;
  // A table of unit-owned rows: only the demo's own rows, whatever they point at.
  if (columns.has('unit_id')) return `${quote('unit_id')} in (${unitList})`;
  if (depth >= MAX_DEPTH) return null;
  const parts = catalogue.foreignKeys
    .filter((key) => key.table === table && key.refTable !== table)
    .filter((key) => key.onDelete !== 'CASCADE' && key.onDelete !== 'SET NULL')
    .flatMap((key) => {
      const parent = doomed(catalogue, key.refTable, unitList, depth + 1);
      return parent === null
        ? []
        : [
            `${quote(key.column)} in (select ${quote(key.refColumn)} from ${quote(key.refTable)} where ${parent})`,
          ];
    });
  return parts.length > 0 ? parts.map((part) => `(${part})`).join(' or ') : null;
}

/** Deletes every row of the demo units `unitIds` (see the module comment); returns rows deleted per table. */
export async function deleteDemoRows(
  db: Kysely<unknown>,
  dialect: 'sqlite' | 'postgres',
  unitIds: readonly string[],
): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const catalogue = dialect === 'sqlite' ? await sqliteCatalogue(db) : await postgresCatalogue(db);
  const unitList = unitIds.map((id) => `'${id.replace(/'/gu, "''")}'`).join(', ');
  const pending = new Map<string, string>();
  for (const table of catalogue.columns.keys()) {
    const condition = doomed(catalogue, table, unitList, 0);
    if (condition !== null) pending.set(table, condition);
  }
  const deleted = new Map<string, number>();
  await db.transaction().execute(async (tx) => {
    let lastError: unknown = null;
    while (pending.size > 0) {
      let progress = false;
      for (const [table, condition] of [...pending]) {
        await sql.raw('savepoint demo_reset').execute(tx);
        try {
          const result = await sql.raw(`delete from ${quote(table)} where ${condition}`).execute(tx);
          await sql.raw('release savepoint demo_reset').execute(tx);
          deleted.set(table, Number(result.numAffectedRows ?? 0n));
          pending.delete(table);
          progress = true;
        } catch (error) {
          await sql.raw('rollback to savepoint demo_reset').execute(tx);
          await sql.raw('release savepoint demo_reset').execute(tx);
          lastError = error;
        }
      }
      if (!progress) {
        throw new AppError(
          'CONFLICT',
          `demo --reset: rows of other units still point into the demo workspace (${[...pending.keys()].join(', ')}): ${(lastError as Error | null)?.message ?? ''}`,
        );
      }
    }
  });
  return deleted;
}

/** Opens the database at `url`, deletes the demo units' rows and closes it again. */
export async function resetDemoWorkspace(url: string, unitIds: readonly string[]): Promise<number> {
  const handle = openDatabase(url);
  try {
    const deleted = await deleteDemoRows(handle.db as unknown as Kysely<unknown>, handle.dialect, unitIds);
    return [...deleted.values()].reduce((sum, count) => sum + count, 0);
  } finally {
    await handle.close();
  }
}
