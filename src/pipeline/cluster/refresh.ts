/**
 * Recomputes what an event says about itself after its members changed: summary (title, first
 * publisher, counts, regions, sentiment, representatives), keywords, stage, heat and the centroid; splits
 * it when its members form two clearly separate groups. Runs inside the caller's transaction.
 */
import {
  addInto,
  proposeSplit,
  stageOf,
  summarizeEvent,
  topTerms,
  volumeCurve,
} from '../../analysis/events/index.js';
import { HEAT_VERSION, heatLog, heatScore, rawHeat, type HeatReference } from '../../analysis/heat/index.js';
import type { EventHistoryEntry } from '../../domain/index.js';
import type { EventMemberRecord, EventRecord, Repositories } from '../../storage/index.js';
import {
  EVENT_KEYWORDS,
  HEAT_REFERENCE_MS,
  LARGE_EVENT,
  LARGE_EVENT_REFRESH_MS,
  MAX_SPLIT_CHECK,
  type ResolvedClusterDeps,
} from './deps.js';

const HOUR = 3600_000;

/** A blank event of a unit, filled in by {@link refreshEvent}. */
export function blankEvent(id: string, unitId: string, now: number): EventRecord {
  return {
    id,
    unitId,
    title: '',
    keywords: [],
    firstItemId: null,
    firstPublishedAt: now,
    lastPublishedAt: now,
    itemCount: 0,
    repostCount: 0,
    sourceCount: 0,
    platforms: [],
    regions: [],
    sentiment: { positive: 0, neutral: 0, negative: 0 },
    stage: 'emerging',
    heat: null,
    heatVersion: null,
    representativeIds: [],
    mergedInto: null,
    createdAt: now,
    updatedAt: now,
    centroid: [],
    heatLog: null,
  };
}

function centroidOf(deps: ResolvedClusterDeps, members: readonly EventMemberRecord[]): [string, number][] {
  const sum = new Map<string, number>();
  for (const member of members) addInto(sum, deps.vectorOf(member));
  return [...topTerms(sum, deps.options.centroidTerms)];
}

/** The event with its computed fields from `members` at `now`. */
function recomputed(
  deps: ResolvedClusterDeps,
  event: EventRecord,
  members: readonly EventMemberRecord[],
  reference: HeatReference,
  now: number,
): EventRecord {
  const summary = summarizeEvent(members, now);
  const centroid = centroidOf(deps, members);
  const curve = volumeCurve(
    members.map((m) => m.publishedAt),
    summary.firstPublishedAt,
    Math.max(now, summary.lastPublishedAt),
    HOUR,
  );
  const heat = rawHeat(
    members.map((m) => ({
      publishedAt: m.publishedAt,
      engagement: m.engagement,
      authority: deps.authorityOf(m),
    })),
    now,
  );
  return {
    ...event,
    ...summary,
    keywords: centroid.slice(0, EVENT_KEYWORDS).map(([term]) => term),
    stage: stageOf(curve),
    heat: heatScore(heat.raw, reference),
    heatVersion: HEAT_VERSION,
    heatLog: heatLog(heat.raw),
    centroid,
    updatedAt: now,
  };
}

/**
 * Recomputes one event (and splits it when its members form two separate groups). Returns the ids of
 * the events written (the event, and the new one a split made). `joined` is how many members the caller
 * just added, when that is all that changed: a large event refreshed recently then only adds them to its
 * item count; without it (a merge moved members) the count is taken again from the memberships' index.
 */
export async function refreshEvent(
  deps: ResolvedClusterDeps,
  tx: Repositories,
  eventId: string,
  now: number,
  joined?: number,
): Promise<string[]> {
  const event = await tx.events.getRecord(eventId);
  if (!event || event.mergedInto !== null) return [];
  if (event.itemCount >= LARGE_EVENT && now - event.updatedAt < LARGE_EVENT_REFRESH_MS) {
    if (joined !== undefined) {
      await tx.events.addToItemCount(eventId, joined);
      return [eventId];
    }
    const itemCount = await tx.events.countMembers(eventId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    await tx.events.save({ ...event, itemCount });
    return [eventId];
  }
  const reference = await tx.events.heatReference(event.unitId, now - HEAT_REFERENCE_MS);
  let members = await tx.events.members(eventId);
  const history: Omit<EventHistoryEntry, 'id'>[] = [];
  const written = [eventId];
  const proposal =
    members.length <= MAX_SPLIT_CHECK
      ? proposeSplit(
          members.map((m) => ({ id: m.id, vector: deps.vectorOf(m), originId: m.dupOf ?? m.parentId })),
        )
      : null;
  if (proposal) {
    const splitId = deps.newEventId();
    const leaving = new Set(proposal.splitIds);
    const splitMembers = members.filter((m) => leaving.has(m.id));
    members = members.filter((m) => !leaving.has(m.id));
    await tx.events.insert(
      recomputed(deps, blankEvent(splitId, event.unitId, now), splitMembers, reference, now),
    );
    await tx.events.moveItems(proposal.splitIds, splitId);
    const detail = { items: proposal.splitIds.length, similarity: proposal.similarity };
    history.push(
      { eventId, kind: 'split_off', otherEventId: splitId, detail, at: now },
      { eventId: splitId, kind: 'split_from', otherEventId: eventId, detail, at: now },
    );
    written.push(splitId);
  }
  const updated = recomputed(deps, event, members, reference, now);
  if (updated.stage !== event.stage && event.itemCount > 0) {
    history.push({
      eventId,
      kind: 'stage',
      otherEventId: null,
      detail: { from: event.stage, to: updated.stage },
      at: now,
    });
  }
  await tx.events.save(updated);
  await tx.events.appendHistory(history);
  return written;
}
