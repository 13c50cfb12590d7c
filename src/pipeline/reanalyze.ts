/**
 * The reanalyze job (`fengxiang reanalyze`): after a model change, run analysis again over stored items.
 * One straight-line orchestrator: page through items (newest first, keyset) → analyse each → save its
 * analysis and search tokens → report progress. Idempotent: running it twice writes the same values.
 */
import { analyzeItem, type Analysers } from '../analysis/analyze/analyze.js';
import type { Clock } from '../platform/clock.js';
import type { ItemFilters, Storage } from '../storage/repositories.js';

/** Items analysed per page. */
export const REANALYZE_PAGE = 200;

/** Progress of a run. */
export interface ReanalyzeProgress {
  done: number;
  total: number;
}

/** Re-runs analysis over every item matching `filters` (all items when empty). */
export async function reanalyzeItems(
  deps: { storage: Storage; analysers: Analysers; clock: Clock },
  filters: ItemFilters,
  onProgress: (progress: ReanalyzeProgress) => void = () => undefined,
): Promise<ReanalyzeProgress> {
  const total = await deps.storage.items.count({ unitIds: null });
  const progress: ReanalyzeProgress = { done: 0, total };
  let cursor: string | null = null;
  do {
    const page = await deps.storage.items.search({
      scope: { unitIds: null },
      match: null,
      filters,
      sort: 'time',
      page: { limit: REANALYZE_PAGE, cursor },
    });
    for (const item of page.items) {
      const result = analyzeItem({ title: item.title, content: item.content }, deps.analysers);
      await deps.storage.items.saveAnalysis(item.id, {
        language: result.language,
        sentiment: result.sentiment,
        sentimentScore: result.sentimentScore,
        emotion: result.emotion,
        emotionScore: result.emotionScore,
        categories: result.categories,
        regions: result.regions,
        appeal: result.appeal,
        appealDepartment: result.appealDepartment,
        keywords: result.keywords,
        simhash: result.simhash,
        normalizedText: result.normalizedText,
        tokens: result.tokens,
        analysedAt: deps.clock.now(),
      });
    }
    progress.done += page.items.length;
    onProgress({ ...progress });
    cursor = page.nextCursor;
  } while (cursor !== null);
  return progress;
}
