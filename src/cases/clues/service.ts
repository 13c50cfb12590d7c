/**
 * The clue service: create, edit the checklist, mark ready, transfer, record outcomes — each a checked
 * transition that writes the clue, its timeline and the audit log in one transaction. Reads are in ./reads.ts.
 */
import {
  CLUE_CRITERIA,
  type Clue,
  type ClueChecklist,
  type ClueCriterion,
  type ClueOrigin,
  type ClueOutcome,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { CluePatch } from '../../storage/repositories.js';
import { act } from './act.js';
import { audit, scopeOf, type ClueActor, type ClueServiceDeps, type Tx } from './deps.js';
import { outcomeAction, requireAllCriteria } from './machine.js';

/** The fields of a new clue. */
export interface NewClueInput {
  unitId: string;
  title: string;
  summary: string;
  origin: ClueOrigin;
  itemIds?: string[];
  incidentId?: string | null;
}

/** A change of the checklist: criteria given are replaced, the others kept. */
export type ChecklistChange = Partial<Record<ClueCriterion, { checked: boolean; note?: string | null }>>;

/** What an edit of a draft may change. */
export interface ClueEdit {
  title?: string;
  summary?: string;
  itemIds?: string[];
  checklist?: ChecklistChange;
}

/** Items given must exist in the caller's scope (NOT_FOUND otherwise). */
async function requireItems(tx: Tx, actor: ClueActor, itemIds: readonly string[]): Promise<void> {
  for (const itemId of itemIds) {
    if (!(await tx.items.get(itemId, scopeOf(actor)))) {
      throw new AppError('NOT_FOUND', `item ${itemId} does not exist`, { id: itemId, entity: 'item' });
    }
  }
}

/** A new draft clue, with its first timeline entry. */
export async function createClue(
  deps: ClueServiceDeps,
  actor: ClueActor,
  input: NewClueInput,
): Promise<Clue> {
  if (!actor.unitIds.includes(input.unitId)) {
    throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
      id: input.unitId,
      entity: 'unit',
    });
  }
  if (input.origin === 'item' && (input.itemIds ?? []).length === 0) {
    throw new AppError('BAD_REQUEST', 'a clue made from items names at least one item', {});
  }
  if (input.origin === 'incident' && !input.incidentId) {
    throw new AppError('BAD_REQUEST', 'a clue made from an incident names the incident', {});
  }
  return deps.storage.transaction(async (tx) => {
    await requireItems(tx, actor, input.itemIds ?? []);
    const at = deps.clock.now();
    const clue = await tx.clues.create({ ...input, createdBy: actor.userId, createdAt: at });
    await tx.caseTimeline.append({
      unitId: clue.unitId,
      recordType: 'clue',
      recordId: clue.id,
      at,
      actorUserId: actor.userId,
      action: 'create',
      toState: clue.state,
      details: { origin: clue.origin, itemIds: clue.itemIds, incidentId: clue.incidentId },
    });
    await audit(tx, actor, at, clue, 'create', { origin: clue.origin });
    return clue;
  });
}

function mergeChecklist(current: ClueChecklist, change: ChecklistChange): ClueChecklist {
  const next = { ...current };
  for (const criterion of CLUE_CRITERIA) {
    const given = change[criterion];
    if (given) next[criterion] = { checked: given.checked, note: given.note ?? current[criterion].note };
  }
  return next;
}

/** Changes the text, items or checklist of a draft. */
export function editClue(deps: ClueServiceDeps, actor: ClueActor, id: string, edit: ClueEdit): Promise<Clue> {
  return act(deps, actor, id, 'edit', async (clue, tx) => {
    if (edit.itemIds) await requireItems(tx, actor, edit.itemIds);
    const patch: CluePatch = {
      ...(edit.title !== undefined && { title: edit.title }),
      ...(edit.summary !== undefined && { summary: edit.summary }),
      ...(edit.itemIds !== undefined && { itemIds: edit.itemIds }),
      ...(edit.checklist !== undefined && { checklist: mergeChecklist(clue.checklist, edit.checklist) }),
    };
    return { patch, details: { fields: Object.keys(patch) } };
  });
}

/** draft → ready, when all four criteria are checked (CLUE_CRITERIA_UNMET otherwise). */
export function markClueReady(
  deps: ClueServiceDeps,
  actor: ClueActor,
  id: string,
  note?: string,
): Promise<Clue> {
  return act(deps, actor, id, 'mark_ready', async (clue) => {
    requireAllCriteria(clue.checklist);
    return { patch: {}, ...(note !== undefined && { note }) };
  });
}

/** ready → draft, to change it again. */
export function reopenClue(
  deps: ClueServiceDeps,
  actor: ClueActor,
  id: string,
  note?: string,
): Promise<Clue> {
  return act(deps, actor, id, 'reopen', async () => ({ patch: {}, ...(note !== undefined && { note }) }));
}

/** Records what the case-handling unit reported (立案 / 初核了结 / 不予立案 / 办理中). */
export function recordClueOutcome(
  deps: ClueServiceDeps,
  actor: ClueActor,
  id: string,
  outcome: ClueOutcome,
  note?: string,
): Promise<Clue> {
  return act(deps, actor, id, outcomeAction(outcome), async (_clue, _tx, at) => ({
    patch: { outcome, outcomeNote: note ?? null, outcomeAt: at },
    details: { outcome },
    ...(note !== undefined && { note }),
  }));
}
