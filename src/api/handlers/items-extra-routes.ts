/** The item routes the console's 信息 page added: the export of a search and the items around one item. */
import { z } from 'zod';
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { exportItems } from './items-export.js';
import { getRelatedItems } from './items-related.js';

const p = (path: string): string => `/api/v1${path}`;

/** GET /items/export and GET /items/:id/related. */
export const ITEM_EXTRA_ROUTES: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: p('/items/export'),
    access: 'items:read',
    tag: 'items',
    summary: `Export a search's items (same filters as GET /items) as CSV or Excel, at most ${c.MAX_ITEM_EXPORT_ROWS} rows; audited`,
    querystring: c.itemExportQuery,
    response: z.unknown().describe('text/csv (UTF-8 with BOM) or an .xlsx workbook, streamed'),
    handler: (ctx) => exportItems(ctx, ctx.query),
  }),
  defineRoute({
    method: 'GET',
    url: p('/items/:id/related'),
    access: 'items:read',
    tag: 'items',
    summary:
      'The post an item belongs to, the original it copies, its comments, and its copies (reposts, near-duplicates)',
    params: c.idParams,
    response: c.itemRelated,
    handler: (ctx) => getRelatedItems(ctx, ctx.params.id),
  }),
];
