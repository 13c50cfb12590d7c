/**
 * CSV container: the first row names the columns; each later row becomes a record keyed by them. A row
 * with a different number of fields is an error row (with its line) and reading goes on; a syntax error
 * the parser cannot get past (an unclosed quote) ends the file with an error row.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import type { SourceRecord } from '../types.js';

/** The column names of a header row: trimmed, blanks named by position, repeats numbered. */
export function headerNames(row: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((cell, index) => {
    const name = cell.trim() === '' ? `column ${index + 1}` : cell.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function toRecord(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  header.forEach((name, index) => {
    record[name] = row[index] ?? '';
  });
  return record;
}

/** The records of a CSV text stream. */
export async function* readCsvRows(text: Readable): AsyncGenerator<SourceRecord> {
  const parser = text.pipe(
    parse({ bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }),
  );
  let header: string[] | null = null;
  try {
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = entry.info.lines;
      if (header === null) {
        header = headerNames(entry.record);
        continue;
      }
      if (entry.record.length !== header.length) {
        const found = entry.record.length;
        yield {
          line,
          error: `line ${line}: expected ${header.length} fields as in the header, found ${found}`,
        };
        continue;
      }
      yield { line, record: toRecord(header, entry.record) };
    }
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : 0;
    const reason = error instanceof Error ? error.message : String(error);
    yield { line, error: `line ${line}: the CSV cannot be read past this point (${reason})` };
  }
}
