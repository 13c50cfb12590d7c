/**
 * The collector evaluation in one straight line: find the data, run the feeds, the article pages and the
 * list pages through the real collector code, and sum the article results per site.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateArticles } from './articles.js';
import { evaluateFeeds, totalFeedRow, type FeedRow } from './feeds.js';
import { evaluateLists, type ListResult } from './lists.js';
import { readManifest } from './manifest.js';
import { summarizeBySite, type ArticleSummary } from './summary.js';

/** The collector figures, or the data paths that were not found. */
export type CollectorsReport =
  | { missing: string[] }
  | {
      missing: null;
      feeds: FeedRow[];
      feedTotal: FeedRow;
      /** Per site, then the `total` row. */
      articles: ArticleSummary[];
      lists: ListResult[];
    };

/** Evaluates the collectors on the shared data in `dataDir`; `now` resolves relative and year-less times. */
export function evaluateCollectors(dataDir: string, now: number): CollectorsReport {
  const feedsDir = join(dataDir, 'rss-feeds');
  const pagesDir = join(dataDir, 'html-news-pages');
  const manifestPath = join(pagesDir, 'gne/manifest.jsonl');
  const missing = [feedsDir, manifestPath].filter((path) => !existsSync(path));
  if (missing.length > 0) return { missing };
  const feeds = evaluateFeeds(feedsDir, now);
  const pages = readManifest(manifestPath);
  return {
    missing: null,
    feeds,
    feedTotal: totalFeedRow(feeds),
    articles: summarizeBySite(evaluateArticles(pagesDir, pages, now)),
    lists: evaluateLists(pagesDir, pages),
  };
}
