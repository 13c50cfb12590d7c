/**
 * Sources between the domain and the `sources` table: JSON config and kind state as text, flags as 0/1,
 * the URL's host kept beside it for per-host caps. The push-token hash stays in storage.
 */
import type { Selectable, Updateable } from 'kysely';
import {
  SOURCE_HEALTH,
  type MediaTier,
  type Source,
  type SourceHealthState,
  type SourceKind,
} from '../../domain/index.js';
import { parseJsonObject, toJsonText } from '../json-columns.js';
import type { SourceInput } from '../repositories.js';
import type { SourcesTable } from '../schema.js';

/** A row of `sources`. */
export type SourceRow = Selectable<SourcesTable>;

/** The changeable fields of a source. */
export type SourcePatch = Partial<Omit<SourceInput, 'unitId'>>;

/** The host of a URL in lower case (with its port, if any), or null when there is no parseable URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

function healthOf(value: string): SourceHealthState {
  return (SOURCE_HEALTH as readonly string[]).includes(value) ? (value as SourceHealthState) : 'new';
}

/** The domain source of a row. */
export function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    kind: row.kind as SourceKind,
    url: row.url,
    platform: row.platform,
    tier: row.tier as MediaTier | null,
    region: row.region,
    intervalSeconds: row.intervalSeconds,
    enabled: row.enabled !== 0,
    config: parseJsonObject(row.config, 'sources.config'),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    nextFetchAt: row.nextFetchAt,
    consecutiveErrors: row.consecutiveErrors,
    lastFetchAt: row.lastFetchAt,
    lastSuccessAt: row.lastSuccessAt,
    lastNewItemAt: row.lastNewItemAt,
    lastError: row.lastError,
    lastErrorCode: row.lastErrorCode,
    lastErrorAt: row.lastErrorAt,
    expectedPeriodSeconds: row.expectedPeriodSeconds,
    minIntervalSeconds: row.minIntervalSeconds,
    maxIntervalSeconds: row.maxIntervalSeconds,
    host: row.host,
    timeZone: row.timeZone,
    state: parseJsonObject(row.state, 'sources.state'),
    ignoreRobots: row.ignoreRobots !== 0,
    health: healthOf(row.health),
  };
}

/** The row of a new source: collection bookkeeping starts empty, due now, health `new`. */
export function newSourceRow(
  id: string,
  input: SourceInput,
  intervalSeconds: number,
  now: number,
): SourceRow {
  return {
    id,
    unitId: input.unitId,
    name: input.name,
    kind: input.kind,
    url: input.url ?? null,
    platform: input.platform ?? null,
    tier: input.tier ?? null,
    region: input.region ?? null,
    intervalSeconds: input.intervalSeconds ?? intervalSeconds,
    enabled: input.enabled === false ? 0 : 1,
    config: toJsonText(input.config ?? {}),
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
    host: hostOf(input.url),
    timeZone: input.timeZone ?? null,
    state: '{}',
    ignoreRobots: input.ignoreRobots ? 1 : 0,
    ingestTokenHash: null,
    health: 'new',
  };
}

/** The columns a patch changes; keys left undefined stay as they are, null clears. A new URL sets the host. */
export function patchColumns(patch: SourcePatch): Updateable<SourcesTable> {
  return {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.kind !== undefined && { kind: patch.kind }),
    ...(patch.url !== undefined && { url: patch.url, host: hostOf(patch.url) }),
    ...(patch.platform !== undefined && { platform: patch.platform }),
    ...(patch.tier !== undefined && { tier: patch.tier }),
    ...(patch.region !== undefined && { region: patch.region }),
    ...(patch.intervalSeconds !== undefined && { intervalSeconds: patch.intervalSeconds }),
    ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
    ...(patch.config !== undefined && { config: toJsonText(patch.config) }),
    ...(patch.timeZone !== undefined && { timeZone: patch.timeZone }),
    ...(patch.expectedPeriodSeconds !== undefined && { expectedPeriodSeconds: patch.expectedPeriodSeconds }),
    ...(patch.minIntervalSeconds !== undefined && { minIntervalSeconds: patch.minIntervalSeconds }),
    ...(patch.maxIntervalSeconds !== undefined && { maxIntervalSeconds: patch.maxIntervalSeconds }),
    ...(patch.ignoreRobots !== undefined && { ignoreRobots: patch.ignoreRobots ? 1 : 0 }),
  };
}
