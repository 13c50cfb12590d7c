/**
 * Excel container (.xlsx), read as a stream with exceljs: the first sheet only, its first non-empty row
 * names the columns. Cell values are flattened to text or numbers; date cells, which Excel stores as wall
 * time without a zone, become `YYYY-MM-DD HH:mm:ss` text for the normaliser to place in the unit's zone.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SourceRecord } from '../types.js';
import { headerNames } from './csv.js';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function wallTime(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A cell's value as text or a number (rich text joined, links by their text, formulas by their result). */
export function cellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return wallTime(value);
  if (!isObject(value)) return null;
  if (Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (isObject(part) ? String(part.text ?? '') : '')).join('');
  }
  if ('result' in value) return cellValue(value.result);
  if ('text' in value) return cellValue(value.text);
  return null;
}

function rowCells(values: unknown): (string | number | null)[] {
  if (!Array.isArray(values)) return [];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_unused, index) =>
    cellValue((values as unknown[])[index + 1]),
  );
}

/** The records of the first sheet of an .xlsx byte stream. */
export async function* readSheetRows(bytes: Readable): AsyncGenerator<SourceRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let header: string[] | null = null;
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      const cells = rowCells(row.values);
      if (cells.every((cell) => cell === null || cell === '')) continue;
      if (header === null) {
        header = headerNames(cells.map((cell) => (cell === null ? '' : String(cell))));
        continue;
      }
      const record: Record<string, unknown> = {};
      header.forEach((name, index) => {
        record[name] = cells[index] ?? null;
      });
      yield { line: row.number, record };
    }
    return;
  }
}
