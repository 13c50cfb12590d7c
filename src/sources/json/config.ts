/**
 * The configuration of a JSON API source: where to fetch, where the item array is, which path fills each
 * item field, and how to page (by page number or by a cursor the answer carries).
 */
import { z } from 'zod';
import { ITEM_KINDS } from '../../domain/entities.js';
import { isValidPath } from '../mapping/path.js';

const path = z.string().min(1).refine(isValidPath, { message: 'not a valid path such as $.data.list' });

/** Which path fills each item field; content or title must be mapped. */
export const jsonFieldsSchema = z
  .object({
    id: path.optional(),
    title: path.optional(),
    content: path.optional(),
    url: path.optional(),
    author: path.optional(),
    time: path.optional(),
    likes: path.optional(),
    comments: path.optional(),
    reposts: path.optional(),
    views: path.optional(),
    ipRegion: path.optional(),
    parentId: path.optional(),
  })
  .strict()
  .refine((fields) => fields.content !== undefined || fields.title !== undefined, {
    message: 'map at least content or title',
  });

/** Where the paging parameter goes: the query string, or a field of the JSON request body. */
const paramPlace = z.enum(['query', 'body']).default('query');

/** Paging by page number: `param` = start, start + 1, … */
export const pagePaginationSchema = z
  .object({
    type: z.literal('page'),
    param: z.string().min(1).default('page'),
    start: z.number().int().default(1),
    in: paramPlace,
    maxPages: z.number().int().min(1).max(100).default(5),
  })
  .strict();

/** Paging by cursor: the next cursor is read from the answer at `next`. */
export const cursorPaginationSchema = z
  .object({
    type: z.literal('cursor'),
    param: z.string().min(1).default('cursor'),
    next: path,
    in: paramPlace,
    maxPages: z.number().int().min(1).max(100).default(5),
  })
  .strict();

/** The json source config. */
export const jsonConfigSchema = z
  .object({
    url: z.url({ protocol: /^https?$/u }),
    method: z.enum(['GET', 'POST']).default('GET'),
    headers: z.record(z.string(), z.string()).optional(),
    /** The POST body: a JSON object (paging parameters may be set in it) or raw text. */
    body: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
    items: path,
    fields: jsonFieldsSchema,
    kind: z.enum(ITEM_KINDS).default('post'),
    pagination: z.discriminatedUnion('type', [pagePaginationSchema, cursorPaginationSchema]).optional(),
  })
  .strict()
  .refine((config) => config.pagination?.in !== 'body' || typeof config.body !== 'string', {
    message: 'paging in the body needs a JSON object body',
    path: ['pagination', 'in'],
  });

/** A validated json source config. */
export type JsonConfig = z.infer<typeof jsonConfigSchema>;
/** A validated pagination block. */
export type JsonPagination = NonNullable<JsonConfig['pagination']>;
