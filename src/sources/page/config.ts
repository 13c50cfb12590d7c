/** The config of a page source: the list page, its selectors, pagination and article fetching. */
import { z } from 'zod';

const selector = z.string().trim().min(1);

/** Config of a page source. */
export const pageConfigSchema = z.object({
  /** The list page; the source's own URL when left out. */
  listUrl: z.url().optional(),
  item: selector,
  link: selector,
  title: selector.optional(),
  time: selector.optional(),
  summary: selector.optional(),
  nextPage: selector.optional(),
  /** List pages followed through `nextPage` (at most 10). */
  maxPages: z.number().int().min(1).max(10).default(1),
  /** Fetch each new entry's page and extract the article (else items come from the list alone). */
  fetchArticles: z.boolean().default(true),
  /** Article pages fetched per collect. */
  maxArticles: z.number().int().min(1).max(200).default(30),
  headers: z.record(z.string(), z.string()).optional(),
});

/** A validated page config. */
export type PageConfig = z.infer<typeof pageConfigSchema>;
