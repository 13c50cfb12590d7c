/** The config of a comments source: which threads, in what format, how to read and page them. */
import { z } from 'zod';

const field = z.string().trim().min(1);

/** CSS selectors of an HTML thread; `id` and `replyTo` name attributes of the item element. */
export const commentSelectorsSchema = z.object({
  item: field,
  content: field,
  author: field.optional(),
  time: field.optional(),
  likes: field.optional(),
  ipRegion: field.optional(),
  id: field.optional(),
  replyTo: field.optional(),
});

/** Paths (see path.ts) of a JSON thread: `items` from the root, the others inside each comment. */
export const commentMappingSchema = z.object({
  items: field,
  content: field,
  id: field.optional(),
  author: field.optional(),
  time: field.optional(),
  likes: field.optional(),
  replyTo: field.optional(),
  ipRegion: field.optional(),
  /** Path (from the root) of the next page's cursor, for `{cursor}` templates. */
  nextCursor: field.optional(),
});

/** Config of a comments source. */
export const commentsConfigSchema = z
  .object({
    articleUrl: z.url().optional(),
    articles: z.array(z.url()).max(200).optional(),
    format: z.enum(['html', 'json']),
    /** The thread URL with `{articleUrl}`, `{page}` and `{cursor}`; the article URL itself when left out. */
    urlTemplate: z.string().min(1).optional(),
    selectors: commentSelectorsSchema.optional(),
    mapping: commentMappingSchema.optional(),
    maxPages: z.number().int().min(1).max(20).default(1),
    /** First page number for `{page}` templates. */
    firstPage: z.number().int().min(0).default(1),
    /** Threads are refetched for this long after the article was first seen. */
    freshForHours: z
      .number()
      .positive()
      .max(24 * 30)
      .default(48),
    headers: z.record(z.string(), z.string()).optional(),
  })
  .refine((config) => config.articleUrl !== undefined || (config.articles?.length ?? 0) > 0, {
    message: 'articleUrl or articles is required',
    path: ['articleUrl'],
  })
  .refine((config) => config.format !== 'html' || config.selectors !== undefined, {
    message: 'selectors are required for format "html"',
    path: ['selectors'],
  })
  .refine((config) => config.format !== 'json' || config.mapping !== undefined, {
    message: 'mapping is required for format "json"',
    path: ['mapping'],
  });

/** A validated comments config. */
export type CommentsConfig = z.infer<typeof commentsConfigSchema>;
/** Selectors of an HTML thread. */
export type CommentSelectors = z.infer<typeof commentSelectorsSchema>;
/** Paths of a JSON thread. */
export type CommentMapping = z.infer<typeof commentMappingSchema>;
