/**
 * POST /api/v1/schemes/preview: runs a draft scheme with the same matcher evaluation uses
 * (src/analysis/schemes) over recent items in scope, newest first, so staff can judge its precision before
 * saving. The scan is bounded by a time window, an item count and a time budget, and says when it stopped.
 */
import type { z } from 'zod';
import { parseExpression } from '../../analysis/expression/index.js';
import { compileSchemes, type SchemeMatch, type SchemeMatcher } from '../../analysis/schemes/index.js';
import { requireUnitInScope } from '../../auth/index.js';
import type { schemePreview, schemePreviewBody, schemePreviewItem } from '../../contract/index.js';
import type { Item } from '../../domain/index.js';
import type { Scope } from '../../storage/repositories.js';
import { presentItem } from '../presenters.js';
import type { RequestContext } from '../route.js';

type PreviewBody = z.output<typeof schemePreviewBody>;
type PreviewItem = z.output<typeof schemePreviewItem>;

/** The window scanned when the request names no start: the last 7 days. */
export const PREVIEW_DEFAULT_WINDOW_MS = 7 * 24 * 3_600_000;
/** The most items one preview reads. */
export const PREVIEW_MAX_SCANNED = 20_000;
/** How long one preview may scan (wall time) before it answers with what it has. */
export const PREVIEW_TIME_BUDGET_MS = 5_000;
/** Matching items shown, and the size of the random sample. */
export const PREVIEW_SHOWN = 20;

const BATCH = 500;

/** The part of a preview that accumulates while scanning. */
interface Tally {
  total: number;
  scanned: number;
  hits: PreviewItem[];
  sample: PreviewItem[];
}

function previewItemOf(item: Item, match: SchemeMatch): PreviewItem {
  return { item: presentItem(item), words: [...new Set(match.hits.map((hit) => hit.word))] };
}

/** Counts a match, keeps it among the first shown, and keeps a uniform sample (reservoir sampling). */
function tallyMatch(tally: Tally, found: PreviewItem, random: () => number): void {
  tally.total += 1;
  if (tally.hits.length < PREVIEW_SHOWN) tally.hits.push(found);
  if (tally.sample.length < PREVIEW_SHOWN) {
    tally.sample.push(found);
    return;
  }
  const slot = Math.floor(random() * tally.total);
  if (slot < PREVIEW_SHOWN) tally.sample[slot] = found;
}

function scopeOf(ctx: RequestContext, unitId: string | undefined): Scope {
  if (unitId === undefined) return ctx.principal.scope;
  requireUnitInScope(ctx.principal, unitId);
  return { unitIds: [unitId] };
}

/** Reads the window newest first in batches and matches each item; stops at the count or time bound. */
async function scan(
  ctx: RequestContext,
  matcher: SchemeMatcher,
  window: { scope: Scope; from: number; to: number },
): Promise<Tally & { complete: boolean }> {
  const tally: Tally = { total: 0, scanned: 0, hits: [], sample: [] };
  const deadline = performance.now() + PREVIEW_TIME_BUDGET_MS;
  let cursor: string | null = null;
  do {
    const page = await ctx.deps.storage.items.search({
      scope: window.scope,
      match: null,
      filters: { from: window.from, to: window.to },
      sort: 'time',
      page: { limit: Math.min(BATCH, PREVIEW_MAX_SCANNED - tally.scanned), cursor },
    });
    for (const item of page.items) {
      tally.scanned += 1;
      const [match] = matcher.match({ title: item.title, content: item.content });
      if (match) tallyMatch(tally, previewItemOf(item, match), Math.random);
    }
    cursor = page.nextCursor;
  } while (cursor !== null && tally.scanned < PREVIEW_MAX_SCANNED && performance.now() < deadline);
  return { ...tally, complete: cursor === null };
}

/**
 * Previews a draft scheme. EXPRESSION_SYNTAX (with the position) when the expression does not parse;
 * the window defaults to the 7 days before `to` (now by default).
 */
export async function previewScheme(
  ctx: RequestContext,
  body: PreviewBody,
): Promise<z.output<typeof schemePreview>> {
  const matcher = compileSchemes([
    { id: 'preview', expression: parseExpression(body.expression), target: body.target },
  ]);
  const to = body.to ?? ctx.deps.clock.now();
  const from = body.from ?? to - PREVIEW_DEFAULT_WINDOW_MS;
  const result = await scan(ctx, matcher, { scope: scopeOf(ctx, body.unitId), from, to });
  return {
    total: result.total,
    scanned: result.scanned,
    complete: result.complete,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    hits: result.hits,
    sample: result.sample,
  };
}
