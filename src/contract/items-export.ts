/** Items beyond the search: the export of a search's results and the items around one item. */
import { z } from 'zod';
import { item, itemSearchQuery } from './items.js';

/** The file formats of an item export. */
export const ITEM_EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** The most rows one export writes; a larger result is cut here (the answer says so in a header). */
export const MAX_ITEM_EXPORT_ROWS = 100_000;

/** The answer header that carries the row limit of an export, for the console's progress. */
export const EXPORT_LIMIT_HEADER = 'x-export-limit';

/**
 * GET /items/export: the same expression and filters as GET /items, without paging: every matching item
 * up to {@link MAX_ITEM_EXPORT_ROWS}, newest first (or by relevance).
 */
export const itemExportQuery = itemSearchQuery
  .omit({ limit: true, cursor: true })
  .extend({ format: z.enum(ITEM_EXPORT_FORMATS).default('csv') });

/** How many comments GET /items/:id/related returns at most. */
export const MAX_RELATED_COMMENTS = 100;

/** How many copies (near-duplicates) of an original GET /items/:id/related returns at most. */
export const MAX_RELATED_COPIES = 100;

/** GET /items/:id/related: where an item comes from and what answers it. */
export const itemRelated = z
  .object({
    parent: item.nullable().describe('The post this comment or repost belongs to'),
    original: item.nullable().describe('The item this one is a near-duplicate (copy, repost) of'),
    comments: z.array(item).describe('Comments and reposts of this item, newest first'),
    moreComments: z.boolean().describe('True when there are more comments than returned'),
    copies: z
      .array(item)
      .describe('Near-duplicates (reposts, copies) of this item that the caller may see, newest first'),
    moreCopies: z.boolean().describe('True when there are more copies than returned'),
  })
  .meta({ id: 'ItemRelated' });
