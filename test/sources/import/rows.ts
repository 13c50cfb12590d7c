/** Helpers of the import tests: fixture paths and reading every row of a reader. */
import { fileURLToPath } from 'node:url';
import type { ImportReader, ImportRow } from '../../../src/sources/import/index.js';

/** The path of an import fixture. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../../fixtures/sources/import/${relative}`, import.meta.url));
}

/** Every row of `reader`. */
export async function allRows(reader: ImportReader): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const row of reader) rows.push(row);
  return rows;
}
