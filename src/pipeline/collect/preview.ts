/**
 * "Test a source": fetch it once now and show what would be collected, without storing anything and
 * without touching the source's saved state (issue 3 §6). Used by the API before an admin saves a source
 * and by `fengxiang` operators checking a selector change.
 */
import type { Source } from '../../domain/entities.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { CollectDeps } from './run.js';
import { normaliseBatch, type Rejection } from './normalise-batch.js';

/** Items shown in a preview at most. */
export const PREVIEW_LIMIT = 50;

/** One item as it would be stored. */
export interface PreviewItem {
  kind: string;
  title: string | null;
  url: string | null;
  canonicalUrl: string | null;
  externalId: string | null;
  author: string | null;
  publishedAt: number;
  /** True when the page printed no readable time and the fetch time stands in. */
  timeGuessed: boolean;
  language: string | null;
  /** The first 300 characters of the text. */
  excerpt: string;
  parent: { externalId: string | null; canonicalUrl: string | null } | null;
}

/** What a preview shows. */
export interface SourcePreview {
  ok: boolean;
  found: number;
  items: PreviewItem[];
  hotEntries: { rank: number; title: string; heat: number | null }[];
  rejected: Rejection[];
  httpStatus: number | null;
  error: { code: string; message: string } | null;
  durationMs: number;
}

/** Fetches `source` (saved or not) once and returns what it would collect. */
export async function previewSource(
  deps: Pick<CollectDeps, 'http' | 'kinds' | 'segmenter' | 'analysers' | 'clock' | 'logger' | 'settings'>,
  source: Source,
  signal?: AbortSignal,
): Promise<SourcePreview> {
  const startedAt = deps.clock.now();
  try {
    const adapter = deps.kinds.get(source.kind);
    const config = deps.kinds.validateConfig(source.kind, source.config);
    if (!adapter) {
      throw new AppError(
        'SOURCE_CONFIG_INVALID',
        `a ${source.kind} source has nothing to fetch: its items arrive from outside`,
      );
    }
    const result = await adapter.collect(
      {
        http: deps.http,
        now: startedAt,
        timeZone: source.timeZone ?? deps.settings.defaultTimeZone,
        fetchDefaults: { ignoreRobots: source.ignoreRobots, ...(signal && { signal }) },
        log: (message, detail) => deps.logger.debug({ preview: source.name, ...detail }, message),
      },
      source,
      config,
      {},
    );
    const { candidates, rejected } = normaliseBatch(result.items, source, startedAt, deps);
    return {
      ok: true,
      found: result.items.length,
      items: candidates.slice(0, PREVIEW_LIMIT).map(({ item, parent, timeGuessed }) => ({
        kind: item.kind,
        title: item.title ?? null,
        url: item.url ?? null,
        canonicalUrl: item.canonicalUrl,
        externalId: item.externalId ?? null,
        author: item.author ?? null,
        publishedAt: item.publishedAt,
        timeGuessed,
        language: item.language ?? null,
        excerpt: item.content.slice(0, 300),
        parent,
      })),
      hotEntries: (result.hotEntries ?? []).map((entry) => ({
        rank: entry.rank,
        title: entry.title,
        heat: entry.heat ?? null,
      })),
      rejected: [...rejected, ...(result.skipped ?? [])],
      httpStatus: result.httpStatus ?? null,
      error: null,
      durationMs: deps.clock.now() - startedAt,
    };
  } catch (error) {
    return {
      ok: false,
      found: 0,
      items: [],
      hotEntries: [],
      rejected: [],
      httpStatus: null,
      error: {
        code: isAppError(error) ? error.code : 'PARSE_FAILED',
        message: error instanceof Error ? error.message : String(error),
      },
      durationMs: deps.clock.now() - startedAt,
    };
  }
}
