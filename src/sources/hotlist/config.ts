/**
 * The configuration of a hot-list source (热搜榜): a JSON answer mapped by paths, or an HTML page read with
 * CSS selectors. The rank defaults to the position in the list when the list prints none.
 */
import { z } from 'zod';
import { isValidPath } from '../mapping/path.js';

const path = z.string().min(1).refine(isValidPath, { message: 'not a valid path such as $.data.list' });
const selector = z.string().min(1);

/** Paths inside each element of the JSON item array. */
export const hotJsonFieldsSchema = z
  .object({ title: path, url: path.optional(), heat: path.optional(), rank: path.optional() })
  .strict();

/** CSS selectors inside each item element (`url` reads the `href` of its match, default the first link). */
export const hotHtmlSelectorsSchema = z
  .object({
    item: selector,
    title: selector,
    url: selector.optional(),
    heat: selector.optional(),
    rank: selector.optional(),
  })
  .strict();

const common = {
  url: z.url({ protocol: /^https?$/u }),
  headers: z.record(z.string(), z.string()).optional(),
  /** At most this many entries are kept (lists sometimes append ads or other lists). */
  limit: z.number().int().min(1).max(500).default(100),
};

/** A JSON hot list. */
export const hotJsonConfigSchema = z
  .object({ ...common, format: z.literal('json'), items: path, fields: hotJsonFieldsSchema })
  .strict();

/** An HTML hot list. */
export const hotHtmlConfigSchema = z
  .object({ ...common, format: z.literal('html'), selectors: hotHtmlSelectorsSchema })
  .strict();

/** The hotlist source config. */
export const hotlistConfigSchema = z.discriminatedUnion('format', [hotJsonConfigSchema, hotHtmlConfigSchema]);

/** A validated hotlist source config. */
export type HotlistConfig = z.infer<typeof hotlistConfigSchema>;
/** A validated JSON hotlist config. */
export type HotJsonConfig = z.infer<typeof hotJsonConfigSchema>;
/** A validated HTML hotlist config. */
export type HotHtmlConfig = z.infer<typeof hotHtmlConfigSchema>;
