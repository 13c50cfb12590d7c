/** Reads of appeals with what the console shows beside one: its timeline, deadlines and duplicates. */
import type { Appeal } from '../../../domain/index.js';
import type { CaseDeadline, CaseTimelineEntry } from '../../../storage/repositories.js';
import { notFound } from './act.js';
import type { AppealActor, AppealServiceDeps } from './deps.js';

/** One appeal with its timeline, deadlines and the duplicates merged into it. */
export interface AppealDetail {
  appeal: Appeal;
  timeline: CaseTimelineEntry[];
  deadlines: CaseDeadline[];
  duplicates: Appeal[];
}

/** The appeal `id` in the actor's scope with its timeline, deadlines and duplicates; NOT_FOUND otherwise. */
export async function appealDetail(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
): Promise<AppealDetail> {
  const appeal = await deps.storage.appeals.get(id, { unitIds: actor.unitIds });
  if (!appeal) throw notFound(id);
  const [timeline, deadlines, duplicates] = await Promise.all([
    deps.storage.caseTimeline.list('appeal', id),
    deps.storage.caseDeadlines.listFor('appeal', id),
    deps.storage.appeals.listMergedInto(id),
  ]);
  return { appeal, timeline, deadlines, duplicates };
}
