/** Article results summed per site and over all pages. */
import type { ArticleResult, ReferenceComparison } from './articles.js';
import { mean, median } from './metrics.js';

/** A count of successes out of the cases that apply. */
export interface Share {
  hits: number;
  of: number;
}

/** The article figures of one site (or of all pages, as `total`). */
export interface ArticleSummary {
  site: string;
  pages: number;
  charsetRight: Share;
  /** Right charset among pages whose declared charset is wrong. */
  mismatchRight: Share;
  emptyBodies: number;
  withReference: number;
  titleExact: Share;
  titleSimilarity: number | null;
  timeMatch: Share;
  bodyF1Mean: number | null;
  bodyF1Median: number | null;
  authorMatch: Share;
}

function share(values: readonly (boolean | null)[]): Share {
  const known = values.filter((value): value is boolean => value !== null);
  return { hits: known.filter(Boolean).length, of: known.length };
}

/** Sums `results` into one summary named `site`. */
export function summarize(site: string, results: readonly ArticleResult[]): ArticleSummary {
  const references = results.flatMap((result): ReferenceComparison[] =>
    result.reference ? [result.reference] : [],
  );
  const f1 = references.map((reference) => reference.bodyF1);
  return {
    site,
    pages: results.length,
    charsetRight: share(results.map((result) => result.charsetRight)),
    mismatchRight: share(
      results.filter((result) => result.charsetMismatch).map((result) => result.charsetRight),
    ),
    emptyBodies: results.filter((result) => result.emptyBody).length,
    withReference: references.length,
    titleExact: share(references.map((reference) => reference.titleExact)),
    titleSimilarity: mean(references.map((reference) => reference.titleSimilarity)),
    timeMatch: share(references.map((reference) => reference.timeMatch)),
    bodyF1Mean: mean(f1),
    bodyF1Median: median(f1),
    authorMatch: share(references.map((reference) => reference.authorMatch)),
  };
}

/** One summary per site (sites by page count, then name) followed by the total. */
export function summarizeBySite(results: readonly ArticleResult[]): ArticleSummary[] {
  const sites = new Map<string, ArticleResult[]>();
  for (const result of results) sites.set(result.site, [...(sites.get(result.site) ?? []), result]);
  const perSite = [...sites.entries()]
    .sort(([a, left], [b, right]) => right.length - left.length || a.localeCompare(b))
    .map(([site, siteResults]) => summarize(site, siteResults));
  return [...perSite, summarize('total', results)];
}
