/**
 * The retention task: one straight-line orchestrator over the rules of {@link RetentionPolicy}. Deletes in
 * bounded batches (each its own short statement, so collection and the console keep running), never
 * touches what an open case, open alert or still-active event holds, and returns what it deleted. Running
 * it twice deletes nothing the second time.
 */
import type { Logger } from '../../platform/logger.js';
import type { ItemCursor, Storage } from '../../storage/repositories.js';
import { cutoffOf, itemRulesOf, type ItemRule, type RetentionPolicy } from './policy.js';

/** Rows deleted by one retention run, per kind of record. */
export interface RetentionCounts {
  items: number;
  evidence: number;
  fetchRuns: number;
  healthEvents: number;
  deliveries: number;
  sessions: number;
}

/** Runs every retention rule once. */
export async function runRetention(
  deps: { storage: Storage; now: number; logger: Logger },
  policy: RetentionPolicy,
): Promise<RetentionCounts> {
  const { storage, now } = deps;
  const retention = storage.retention;
  const batch = policy.batchSize;
  const counts: RetentionCounts = {
    items: await purgeItems(storage, now, policy),
    evidence: await repeat(
      cutoffOf(now, policy.evidenceDays),
      (before) => retention.purgeEvidence(before, batch),
      batch,
    ),
    fetchRuns: await repeat(
      cutoffOf(now, policy.fetchRunsDays),
      (before) => retention.purgeFetchRuns(before, batch),
      batch,
    ),
    healthEvents: await repeat(
      cutoffOf(now, policy.fetchRunsDays),
      (before) => retention.purgeHealthEvents(before, batch),
      batch,
    ),
    deliveries: await repeat(
      cutoffOf(now, policy.deliveriesDays),
      (before) => retention.purgeDeliveries(before, batch),
      batch,
    ),
    sessions: await purgeSessions(storage, now, policy),
  };
  deps.logger.info({ retention: counts }, 'retention done');
  return counts;
}

/** Calls `purge` until a batch comes back short; 0 when the rule keeps records forever. */
async function repeat(
  before: number | null,
  purge: (before: number) => Promise<number>,
  batchSize: number,
): Promise<number> {
  if (before === null) return 0;
  let total = 0;
  for (;;) {
    const deleted = await purge(before);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

async function purgeItems(storage: Storage, now: number, policy: RetentionPolicy): Promise<number> {
  const rules = itemRulesOf(policy);
  if (rules.length === 0) return 0;
  const held = await storage.retention.protectedItemIds();
  let total = 0;
  for (const rule of rules) total += await purgeItemsOf(storage, now, rule, held, policy.batchSize);
  return total;
}

async function purgeItemsOf(
  storage: Storage,
  now: number,
  rule: ItemRule,
  held: ReadonlySet<string>,
  limit: number,
): Promise<number> {
  const before = cutoffOf(now, rule.days);
  if (before === null) return 0;
  let total = 0;
  let after: ItemCursor | null = null;
  do {
    const page = await storage.retention.itemCandidates({ ...rule, before, after, limit });
    total += await storage.retention.deleteItems(page.ids.filter((id) => !held.has(id)));
    after = page.next;
  } while (after);
  return total;
}

async function purgeSessions(storage: Storage, now: number, policy: RetentionPolicy): Promise<number> {
  const before = cutoffOf(now, policy.sessionsDays);
  return before === null ? 0 : storage.sessions.purge(before);
}
