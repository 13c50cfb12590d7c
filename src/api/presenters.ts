/**
 * Domain records as the API shows them: times as ISO 8601 strings, and nothing secret. The response
 * schemas of src/contract check the result.
 */
import type { z } from 'zod';
import type * as contract from '../contract/index.js';
import type {
  ApiToken,
  AuditEntry,
  FetchRun,
  HotTopic,
  Item,
  KeyPeriod,
  Scheme,
  Source,
  SourceHealthEvent,
  Unit,
  User,
} from '../domain/index.js';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/** A unit. */
export function presentUnit(unit: Unit): z.output<typeof contract.unit> {
  return { ...unit, createdAt: iso(unit.createdAt), updatedAt: iso(unit.updatedAt) };
}

/** A user. */
export function presentUser(user: User): z.output<typeof contract.user> {
  return {
    ...user,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
    lastLoginAt: isoOrNull(user.lastLoginAt),
  };
}

/** An API token (without secret or hash). */
export function presentToken(token: ApiToken): z.output<typeof contract.apiToken> {
  return {
    ...token,
    createdAt: iso(token.createdAt),
    expiresAt: isoOrNull(token.expiresAt),
    lastUsedAt: isoOrNull(token.lastUsedAt),
    revokedAt: isoOrNull(token.revokedAt),
  };
}

/** A source. */
export function presentSource(source: Source): z.output<typeof contract.source> {
  return {
    id: source.id,
    unitId: source.unitId,
    name: source.name,
    kind: source.kind,
    url: source.url,
    platform: source.platform,
    tier: source.tier,
    region: source.region,
    intervalSeconds: source.intervalSeconds,
    enabled: source.enabled,
    config: source.config,
    timeZone: source.timeZone,
    expectedPeriodSeconds: source.expectedPeriodSeconds,
    minIntervalSeconds: source.minIntervalSeconds,
    maxIntervalSeconds: source.maxIntervalSeconds,
    ignoreRobots: source.ignoreRobots,
    health: source.enabled ? source.health : 'paused',
    nextFetchAt: isoOrNull(source.nextFetchAt),
    lastFetchAt: isoOrNull(source.lastFetchAt),
    lastSuccessAt: isoOrNull(source.lastSuccessAt),
    lastNewItemAt: isoOrNull(source.lastNewItemAt),
    consecutiveErrors: source.consecutiveErrors,
    lastError:
      source.lastError === null
        ? null
        : { code: source.lastErrorCode, message: source.lastError, at: isoOrNull(source.lastErrorAt) },
    createdAt: iso(source.createdAt),
    updatedAt: iso(source.updatedAt),
  };
}

/** One fetch of a source. */
export function presentFetchRun(run: FetchRun): z.output<typeof contract.fetchRun> {
  return { ...run, startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt) };
}

/** A source health event. */
export function presentHealthEvent(event: SourceHealthEvent): z.output<typeof contract.sourceHealthEvent> {
  return { ...event, at: iso(event.at) };
}

/** A key period. */
export function presentKeyPeriod(period: KeyPeriod): z.output<typeof contract.keyPeriod> {
  return {
    ...period,
    startsAt: iso(period.startsAt),
    endsAt: iso(period.endsAt),
    createdAt: iso(period.createdAt),
  };
}

/** A hot-list topic. */
export function presentHotTopic(topic: HotTopic): z.output<typeof contract.hotTopic> {
  return { ...topic, firstSeenAt: iso(topic.firstSeenAt), lastSeenAt: iso(topic.lastSeenAt) };
}

/** An item. */
export function presentItem(item: Item): z.output<typeof contract.item> {
  return {
    ...item,
    publishedAt: iso(item.publishedAt),
    collectedAt: iso(item.collectedAt),
    analysedAt: isoOrNull(item.analysedAt),
    updatedAt: isoOrNull(item.updatedAt),
  };
}

/** A scheme. */
export function presentScheme(scheme: Scheme): z.output<typeof contract.scheme> {
  return { ...scheme, createdAt: iso(scheme.createdAt), updatedAt: iso(scheme.updatedAt) };
}

/** An audit entry. */
export function presentAuditEntry(entry: AuditEntry): z.output<typeof contract.auditEntry> {
  return { ...entry, at: iso(entry.at) };
}

/** An epoch time as ISO 8601, or null. */
export function presentTime(ms: number | null): string | null {
  return isoOrNull(ms);
}
