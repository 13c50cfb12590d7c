/**
 * Taking appeals in: by API (POST /appeals), from items the analysis flagged as appeals and from items of
 * message-board sources. Intake from an item is idempotent: an item becomes at most one appeal, so the
 * evaluation pipeline may offer the same item twice.
 */
import type { Appeal, AppealChannel, Item, Source } from '../../../domain/index.js';
import { AppError, isAppError } from '../../../platform/errors.js';
import { appealTitleOf, intakeChannelOf } from '../intake-rules.js';
import { record } from './act.js';
import type { AppealActor, AppealServiceDeps } from './deps.js';

/** An appeal given by API. */
export interface NewAppealInput {
  unitId: string;
  title: string;
  content: string;
  citizenName?: string | null;
  citizenContact?: string | null;
  category?: string | null;
  url?: string | null;
  externalRef?: string | null;
  /** When the citizen asked; now when absent. */
  receivedAt?: number;
}

/** What intake did with one item. */
export type ItemIntake =
  | { itemId: string; outcome: 'created' | 'existing'; appeal: Appeal }
  | { itemId: string; outcome: 'not_an_appeal' | 'not_found' };

function requireUnit(actor: AppealActor, unitId: string): void {
  if (actor.unitIds !== null && !actor.unitIds.includes(unitId)) {
    throw new AppError('NOT_FOUND', `unit ${unitId} does not exist`, { id: unitId, entity: 'unit' });
  }
}

/** A new appeal taken in by API (channel `api`). */
export async function createAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  input: NewAppealInput,
): Promise<Appeal> {
  requireUnit(actor, input.unitId);
  return deps.storage.transaction(async (tx) => {
    const at = deps.clock.now();
    const appeal = await tx.appeals.create({
      ...input,
      channel: 'api',
      receivedAt: input.receivedAt ?? at,
      createdBy: actor.userId,
      createdAt: at,
    });
    await record(tx, actor, appeal, { at, action: 'intake', to: 'new', details: { channel: 'api' } });
    return appeal;
  });
}

async function createFromItem(
  deps: AppealServiceDeps,
  actor: AppealActor,
  item: Item,
  channel: AppealChannel,
): Promise<Appeal> {
  return deps.storage.transaction(async (tx) => {
    const at = deps.clock.now();
    const appeal = await tx.appeals.create({
      unitId: item.unitId,
      channel,
      title: appealTitleOf(item),
      content: item.content,
      itemId: item.id,
      sourceId: item.sourceId,
      externalRef: item.externalId,
      url: item.url,
      citizenName: item.author,
      category: item.appealDepartment ?? item.categories[0] ?? null,
      receivedAt: item.publishedAt,
      createdBy: actor.userId,
      createdAt: at,
    });
    await record(tx, actor, appeal, {
      at,
      action: 'intake',
      to: 'new',
      details: { channel, itemId: item.id },
    });
    return appeal;
  });
}

/**
 * Takes `item` in when it is an appeal (flagged by analysis, or from a message-board `source`, or `force`d
 * by a person). Returns what happened; an item that already became an appeal answers `existing`.
 */
export async function intakeItem(
  deps: AppealServiceDeps,
  actor: AppealActor,
  item: Item,
  source: Source | null,
  options: { force?: boolean } = {},
): Promise<ItemIntake> {
  const channel = intakeChannelOf(item, source) ?? (options.force ? 'item' : null);
  if (channel === null) return { itemId: item.id, outcome: 'not_an_appeal' };
  const existing = await deps.storage.appeals.findByItem(item.id);
  if (existing) return { itemId: item.id, outcome: 'existing', appeal: existing };
  try {
    return { itemId: item.id, outcome: 'created', appeal: await createFromItem(deps, actor, item, channel) };
  } catch (error) {
    // a concurrent intake of the same item won the unique key
    const raced = isAppError(error, 'CONFLICT') ? await deps.storage.appeals.findByItem(item.id) : null;
    if (raced) return { itemId: item.id, outcome: 'existing', appeal: raced };
    throw error;
  }
}

/**
 * Takes in the items with these ids that the actor may see (the evaluation pipeline passes a system actor
 * with `unitIds: null`). Each item's source decides whether it is a message board.
 */
export async function intakeItems(
  deps: AppealServiceDeps,
  actor: AppealActor,
  itemIds: readonly string[],
  options: { force?: boolean } = {},
): Promise<ItemIntake[]> {
  const scope = { unitIds: actor.unitIds };
  const results: ItemIntake[] = [];
  const sources = new Map<string, Source | null>();
  for (const itemId of itemIds) {
    const item = await deps.storage.items.get(itemId, scope);
    if (!item) {
      results.push({ itemId, outcome: 'not_found' });
      continue;
    }
    let source: Source | null = null;
    if (item.sourceId !== null) {
      if (!sources.has(item.sourceId))
        sources.set(item.sourceId, await deps.storage.sources.get(item.sourceId));
      source = sources.get(item.sourceId) ?? null;
    }
    results.push(await intakeItem(deps, actor, item, source, options));
  }
  return results;
}

/** The actor of intake by the evaluation pipeline: the system, every unit. */
export const PIPELINE_ACTOR: AppealActor = { userId: null, ip: null, unitIds: null };

/**
 * Intake for the evaluation pipeline: of the items with these ids, takes in those analysis flagged as
 * appeals and those of message-board sources (others are skipped without a write). Safe to run twice.
 * Returns how many appeals were created.
 */
export async function intakeEvaluatedItems(
  deps: AppealServiceDeps,
  itemIds: readonly string[],
): Promise<number> {
  const items = await deps.storage.items.getMany(itemIds);
  const sourceIds = [...new Set(items.flatMap((item) => (item.sourceId === null ? [] : [item.sourceId])))];
  const sources = new Map<string, Source>();
  for (const sourceId of sourceIds) {
    const source = await deps.storage.sources.get(sourceId);
    if (source) sources.set(sourceId, source);
  }
  let created = 0;
  for (const item of items) {
    const source = item.sourceId === null ? null : (sources.get(item.sourceId) ?? null);
    if (intakeChannelOf(item, source) === null) continue;
    const result = await intakeItem(deps, PIPELINE_ACTOR, item, source);
    if (result.outcome === 'created') created += 1;
  }
  return created;
}
