/**
 * EXPLAIN QUERY PLAN for a search as the repository runs it: the repository is built over a Kysely that
 * logs its compiled SQL, and each statement is explained on the same SQLite file. This shows which index a
 * slow query shape uses (or why it scans).
 */
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { KyselyItemRepository } from '../../src/storage/items/repository.js';
import type { ItemSearch } from '../../src/storage/repositories.js';
import type { Database } from '../../src/storage/schema.js';

/** One statement of a search and its plan, one line per plan step (indented by depth). */
export interface ExplainedStatement {
  sql: string;
  plan: string[];
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

function planLines(rows: PlanRow[]): string[] {
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}

/** Runs `query` through an instrumented repository on `file` and explains every statement it sent. */
export async function explainSearch(file: string, query: ItemSearch): Promise<ExplainedStatement[]> {
  const database = new BetterSqlite3(file, { readonly: true });
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    await new KyselyItemRepository(db, 'sqlite').search(query);
    return captured.map((statement) => ({
      sql: statement.sql,
      plan: planLines(
        database
          .prepare(`explain query plan ${statement.sql}`)
          .all(...(statement.parameters as unknown[])) as PlanRow[],
      ),
    }));
  } finally {
    await db.destroy();
  }
}
