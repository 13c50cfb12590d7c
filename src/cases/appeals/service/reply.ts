/**
 * Replies (答复): one by one, or one text for several similar appeals at once (集中回复) in one transaction
 * — all of them are replied or none. A reply completes the reply deadline and records the handling
 * working days and whether it came on time; then the reply is published back to the source where the
 * source has an API. Afterwards the citizen's satisfaction is recorded and the appeal closed.
 */
import type { Appeal, AppealSatisfaction } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WorkCalendar } from '../../calendar/index.js';
import { appealMachine } from '../machine.js';
import { replyFigures } from '../rules.js';
import { act, notFound, record } from './act.js';
import { calendarOf, type AppealActor, type AppealServiceDeps, type Tx } from './deps.js';
import { REPLY_DEADLINE_KIND } from './dispatch.js';
import { publishAfterReply } from './publish.js';

async function replyOne(
  tx: Tx,
  actor: AppealActor,
  appeal: Appeal,
  input: { text: string; at: number; calendar: WorkCalendar; batchId: string | null },
): Promise<Appeal> {
  const to = appealMachine.next(appeal.state, 'reply');
  const figures = replyFigures(appeal, input.at, input.calendar);
  await tx.caseDeadlines.complete('appeal', appeal.id, REPLY_DEADLINE_KIND, input.at);
  const updated = await tx.appeals.update(
    appeal.id,
    {
      state: to,
      reply: input.text,
      repliedAt: input.at,
      repliedBy: actor.userId,
      replyBatchId: input.batchId,
      handlingDays: figures.handlingDays,
      onTime: figures.onTime,
    },
    input.at,
  );
  await record(tx, actor, appeal, {
    at: input.at,
    action: 'reply',
    to,
    details: { ...figures, ...(input.batchId !== null && { batchId: input.batchId }) },
  });
  return updated;
}

function requireText(text: string): void {
  if (text.trim().length === 0) throw new AppError('BAD_REQUEST', 'a reply needs a text', {});
}

/** dispatched → replied with `text`; then published to the source when a publisher is configured. */
export async function replyAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  text: string,
): Promise<Appeal> {
  requireText(text);
  const scope = { unitIds: actor.unitIds };
  const before = await deps.storage.appeals.get(id, scope);
  if (!before) throw notFound(id);
  const calendar = await calendarOf(deps, before.unitId);
  const replied = await deps.storage.transaction(async (tx) => {
    const appeal = await tx.appeals.get(id, scope);
    if (!appeal) throw notFound(id);
    return replyOne(tx, actor, appeal, { text, at: deps.clock.now(), calendar, batchId: null });
  });
  return publishAfterReply(deps, actor, replied);
}

/**
 * One reply to several similar appeals (集中回复): every appeal must be dispatched and visible, or none is
 * replied. They share a batch id. Each is then published to its source when a publisher is configured.
 */
export async function batchReplyAppeals(
  deps: AppealServiceDeps,
  actor: AppealActor,
  ids: readonly string[],
  text: string,
): Promise<{ batchId: string; appeals: Appeal[] }> {
  requireText(text);
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new AppError('BAD_REQUEST', 'a batch reply names at least one appeal', {});
  const scope = { unitIds: actor.unitIds };
  const found = await deps.storage.appeals.getMany(unique, scope);
  const missing = unique.find((id) => !found.some((appeal) => appeal.id === id));
  if (missing !== undefined) throw notFound(missing);
  const calendars = new Map<string, WorkCalendar>();
  for (const appeal of found) {
    if (!calendars.has(appeal.unitId)) calendars.set(appeal.unitId, await calendarOf(deps, appeal.unitId));
  }
  const at = deps.clock.now();
  const batchId = newId(at);
  const replied = await deps.storage.transaction(async (tx) => {
    const results: Appeal[] = [];
    for (const id of unique) {
      const appeal = await tx.appeals.get(id, scope);
      const calendar = appeal ? calendars.get(appeal.unitId) : undefined;
      if (!appeal || !calendar) throw notFound(id);
      results.push(await replyOne(tx, actor, appeal, { text, at, calendar, batchId }));
    }
    return results;
  });
  const published: Appeal[] = [];
  for (const appeal of replied) published.push(await publishAfterReply(deps, actor, appeal));
  return { batchId, appeals: published };
}

/** Records the citizen's satisfaction with the reply (replied or closed appeals). */
export function rateAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  satisfaction: AppealSatisfaction,
  note?: string,
): Promise<Appeal> {
  return act(deps, actor, id, 'rate', () => ({
    patch: { satisfaction },
    details: { satisfaction },
    ...(note !== undefined && { note }),
  }));
}

/** replied → closed. */
export function closeAppeal(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
  note?: string,
): Promise<Appeal> {
  return act(deps, actor, id, 'close', ({ at }) => ({
    patch: { closedAt: at },
    ...(note !== undefined && { note }),
  }));
}
