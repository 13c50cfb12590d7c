/**
 * GET /api/v1/items/export: every item a search finds (same expression, filters and scope as GET /items),
 * up to {@link MAX_ITEM_EXPORT_ROWS}, streamed as CSV (UTF-8 with a BOM, so Excel opens Chinese right) or
 * as an Excel workbook. Pages are read one at a time while the answer is written, so memory stays flat;
 * the stream waits when the client reads slowly and stops when it goes away. Every export is audited.
 */
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  EXPORT_LIMIT_HEADER,
  type ITEM_EXPORT_FORMATS,
  MAX_ITEM_EXPORT_ROWS,
  type itemExportQuery,
} from '../../contract/index.js';
import type { Item } from '../../domain/index.js';
import type { ItemSearch } from '../../storage/repositories.js';
import type { RequestContext } from '../route.js';
import { filtersOf, searchScope } from './items.js';
import { cellsOf, csvLine, headers, timeFormatter } from './items-export-rows.js';

type ExportQuery = z.output<typeof itemExportQuery>;
type Format = (typeof ITEM_EXPORT_FORMATS)[number];

/** Rows read per storage page. */
const PAGE_ROWS = 500;

const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The items of the search, page by page, at most `limit` of them; stops early when `stopped()` says so. */
async function* itemsOf(
  ctx: RequestContext,
  search: Omit<ItemSearch, 'page'>,
  limit: number,
  stopped: () => boolean,
): AsyncGenerator<Item> {
  let cursor: string | null = null;
  let sent = 0;
  do {
    const page = await ctx.deps.storage.items.search({
      ...search,
      page: { limit: Math.min(PAGE_ROWS, limit - sent), cursor },
    });
    for (const item of page.items) {
      if (stopped()) return;
      yield item;
      sent += 1;
    }
    cursor = page.nextCursor;
  } while (cursor !== null && sent < limit && !stopped());
}

/** Writes `text`, waiting for the client when the stream's buffer is full. */
async function write(stream: PassThrough, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function writeCsv(stream: PassThrough, items: AsyncIterable<Item>, zone: string): Promise<void> {
  const formatTime = timeFormatter(zone);
  await write(stream, `\uFEFF${csvLine(headers())}`);
  for await (const item of items) await write(stream, csvLine(cellsOf(item, formatTime)));
  stream.end();
}

async function writeXlsx(stream: PassThrough, items: AsyncIterable<Item>, zone: string): Promise<void> {
  const formatTime = timeFormatter(zone);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('信息');
  sheet.addRow(headers()).commit();
  for await (const item of items) {
    sheet.addRow(cellsOf(item, formatTime)).commit();
    if (stream.writableNeedDrain) await once(stream, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

function fileName(now: number, format: Format): string {
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `items-${stamp}.${format}`;
}

/** Starts the export; a syntax error in `q` is EXPRESSION_SYNTAX before anything is sent. */
export async function exportItems(ctx: RequestContext, query: ExportQuery): Promise<PassThrough> {
  const expression = query.q?.trim() ?? '';
  const match = expression === '' ? null : ctx.deps.parseSearchQuery(expression);
  const filters = filtersOf(query);
  const scope = await searchScope(ctx, query.unitId);
  await ctx.audit({
    action: 'item.export',
    unitId: ctx.principal.user.unitId,
    targetType: 'item',
    targetId: null,
    detail: { format: query.format, q: expression, filters, sort: query.sort, unitId: query.unitId ?? null },
  });
  const stream = new PassThrough();
  let closed = false;
  ctx.reply.raw.once('close', () => {
    closed = true;
  });
  void ctx.reply
    .header('content-type', CONTENT_TYPES[query.format])
    .header('content-disposition', `attachment; filename="${fileName(ctx.deps.clock.now(), query.format)}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header(EXPORT_LIMIT_HEADER, String(MAX_ITEM_EXPORT_ROWS));
  const search = { scope, match, filters, sort: query.sort };
  const items = itemsOf(ctx, search, MAX_ITEM_EXPORT_ROWS, () => closed);
  const zone = ctx.deps.alertTimeZone ?? 'Asia/Shanghai';
  const writer = query.format === 'csv' ? writeCsv : writeXlsx;
  writer(stream, items, zone).catch((error: unknown) => {
    ctx.deps.logger.error({ err: error }, 'item export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return stream;
}
