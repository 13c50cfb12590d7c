/**
 * The order to copy tables in: every table after the tables it references, computed from the schema's
 * foreign keys (so a table added by a later migration needs no list to be kept up to date). Ties go
 * alphabetically, so the order is the same on every run, which `--resume` relies on for its progress.
 */
import { AppError } from '../../platform/errors.js';

/** What ordering needs of a table: its name and the tables it references (itself excluded). */
export interface Dependent {
  name: string;
  parents: readonly string[];
}

/** `tables` sorted parents first; a foreign-key cycle between tables is an error naming them. */
export function foreignKeyOrder<T extends Dependent>(tables: readonly T[]): T[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  let remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) =>
      table.parents.every((parent) => placed.has(parent) || !byName.has(parent)),
    );
    if (ready.length === 0)
      throw new AppError(
        'TRANSFER_SCHEMA_MISMATCH',
        `foreign keys form a cycle between ${remaining.map((t) => t.name).join(', ')}`,
      );
    for (const table of ready) {
      placed.add(table.name);
      ordered.push(table);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}
