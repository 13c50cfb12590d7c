/**
 * A source that is not saved: what "test a source" fetches before an admin saves it. Every scheduling and
 * health field is as for a source that has never been fetched, so the collect step treats it like a new one.
 */
import type { MediaTier, Source, SourceKind } from './entities.js';

/** What a draft is made of; everything else takes the never-fetched defaults. */
export interface SourceDraftInput {
  unitId: string;
  name: string;
  kind: SourceKind;
  url?: string | null;
  platform?: string | null;
  tier?: MediaTier | null;
  region?: string | null;
  intervalSeconds?: number;
  config?: Record<string, unknown>;
  timeZone?: string | null;
  expectedPeriodSeconds?: number | null;
  minIntervalSeconds?: number | null;
  maxIntervalSeconds?: number | null;
  ignoreRobots?: boolean;
}

/** The id every unsaved source carries (it never reaches storage). */
export const DRAFT_SOURCE_ID = 'draft';

/** A complete, unsaved source record made at `now`. */
export function draftSource(input: SourceDraftInput, now: number): Source {
  return {
    id: DRAFT_SOURCE_ID,
    unitId: input.unitId,
    name: input.name,
    kind: input.kind,
    url: input.url ?? null,
    platform: input.platform ?? null,
    tier: input.tier ?? null,
    region: input.region ?? null,
    intervalSeconds: input.intervalSeconds ?? 900,
    enabled: true,
    config: input.config ?? {},
    createdAt: now,
    updatedAt: now,
    nextFetchAt: null,
    consecutiveErrors: 0,
    lastFetchAt: null,
    lastSuccessAt: null,
    lastNewItemAt: null,
    lastError: null,
    lastErrorCode: null,
    lastErrorAt: null,
    expectedPeriodSeconds: input.expectedPeriodSeconds ?? null,
    minIntervalSeconds: input.minIntervalSeconds ?? null,
    maxIntervalSeconds: input.maxIntervalSeconds ?? null,
    host: null,
    timeZone: input.timeZone ?? null,
    state: {},
    ignoreRobots: input.ignoreRobots ?? false,
    health: 'new',
  };
}
