/**
 * The bulletin service: compose a draft from items and events (links kept), edit it, submit it to the
 * unit's higher bodies, recall or cancel it. Every change checks the machine and writes the record, the
 * timeline and the audit log in one transaction.
 */
import type { Bulletin, BulletinAction, BulletinKind } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { BulletinPatch, Scope } from '../../storage/repositories.js';
import { journal } from '../publications/journal.js';
import { composeBulletinBody, type ComposeEvent, type ComposeItem } from './compose.js';
import type { BulletinDeps, CaseActor, StorageTx } from './deps.js';
import { bulletinMachine } from './machine.js';

/** A new bulletin; without a body the text is composed from the linked items and events. */
export interface NewBulletinInput {
  unitId: string;
  kind: BulletinKind;
  title: string;
  body?: string;
  itemIds?: readonly string[];
  eventIds?: readonly string[];
}

/** An edit of a draft. */
export type BulletinEdit = Partial<
  Pick<NewBulletinInput, 'kind' | 'title' | 'body' | 'itemIds' | 'eventIds'>
>;

/** Loads a bulletin in the actor's scope or answers NOT_FOUND. */
export async function loadBulletin(
  tx: Pick<StorageTx, 'bulletins'>,
  actor: CaseActor,
  id: string,
): Promise<Bulletin> {
  const found = await tx.bulletins.get(id, { unitIds: actor.unitIds });
  if (!found) throw new AppError('NOT_FOUND', `bulletin ${id} does not exist`, { id, entity: 'bulletin' });
  return found;
}

/** The linked records, each visible to the actor (NOT_FOUND names the first that is not). */
async function linked(
  deps: BulletinDeps,
  scope: Scope,
  itemIds: readonly string[],
  eventIds: readonly string[],
): Promise<{ items: ComposeItem[]; events: ComposeEvent[] }> {
  const items: ComposeItem[] = [];
  for (const id of itemIds) {
    const item = await deps.storage.items.get(id, scope);
    if (!item) throw new AppError('NOT_FOUND', `item ${id} does not exist`, { id, entity: 'item' });
    items.push({
      title: item.title,
      excerpt: item.content.slice(0, 120),
      source: item.platform,
      url: item.url,
      publishedAt: item.publishedAt,
    });
  }
  const events: ComposeEvent[] = [];
  for (const id of eventIds) {
    const event = await deps.storage.events.get(id, scope);
    if (!event) throw new AppError('NOT_FOUND', `event ${id} does not exist`, { id, entity: 'event' });
    events.push(event);
  }
  return { items, events };
}

/** Creates a draft bulletin of a unit in the actor's scope. */
export async function createBulletin(
  deps: BulletinDeps,
  actor: CaseActor,
  input: NewBulletinInput,
): Promise<Bulletin> {
  if (actor.unitIds !== null && !actor.unitIds.includes(input.unitId)) {
    throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
      id: input.unitId,
      entity: 'unit',
    });
  }
  const itemIds = [...new Set(input.itemIds ?? [])];
  const eventIds = [...new Set(input.eventIds ?? [])];
  const sources = await linked(deps, { unitIds: actor.unitIds }, itemIds, eventIds);
  const body =
    input.body ??
    composeBulletinBody(input.kind, sources.events, sources.items, deps.timeZone ?? 'Asia/Shanghai');
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const created = await tx.bulletins.create(
      {
        unitId: input.unitId,
        kind: input.kind,
        title: input.title,
        body,
        itemIds,
        eventIds,
        createdBy: actor.userId,
      },
      at,
    );
    await journal(tx, actor, {
      unitId: created.unitId,
      recordType: 'bulletin',
      recordId: created.id,
      at,
      action: 'create',
      toState: created.state,
      details: { kind: created.kind, title: created.title, items: itemIds.length, events: eventIds.length },
    });
    return created;
  });
}

/** Changes a draft; new links must be visible to the actor. */
export async function editBulletin(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  edit: BulletinEdit,
): Promise<Bulletin> {
  await linked(deps, { unitIds: actor.unitIds }, edit.itemIds ?? [], edit.eventIds ?? []);
  return change(deps, actor, id, 'edit', async () => {
    const patch: BulletinPatch = {
      ...(edit.kind !== undefined && { kind: edit.kind }),
      ...(edit.title !== undefined && { title: edit.title }),
      ...(edit.body !== undefined && { body: edit.body }),
      ...(edit.itemIds !== undefined && { itemIds: [...new Set(edit.itemIds)] }),
      ...(edit.eventIds !== undefined && { eventIds: [...new Set(edit.eventIds)] }),
    };
    return { patch, details: { fields: Object.keys(patch) } };
  });
}

/** Submits a draft to higher bodies, each named in the unit's list (VALIDATION_FAILED names the others). */
export async function submitBulletin(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  recipients: readonly string[],
  note?: string,
): Promise<Bulletin> {
  return change(deps, actor, id, 'submit', async (current, tx) => {
    const names = [...new Set(recipients.map((name) => name.trim()).filter((name) => name !== ''))];
    if (names.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'name at least one higher body to submit to', {
        field: 'recipients',
      });
    }
    const settings = await tx.bulletins.getSettings(current.unitId);
    const unknown = names.filter((name) => !settings.recipients.includes(name));
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `not in the unit's list of higher bodies: ${unknown.join(', ')}`,
        {
          field: 'recipients',
          unknown,
          allowed: settings.recipients,
        },
      );
    }
    return {
      patch: { recipients: names, submittedAt: deps.clock.now(), submittedBy: actor.userId },
      details: { recipients: names },
      note: note ?? null,
    };
  });
}

/** Takes a submitted bulletin back to draft, unless adoptions or instructions were recorded on it. */
export async function recallBulletin(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  reason?: string,
): Promise<Bulletin> {
  return change(deps, actor, id, 'recall', async (current, tx) => {
    const recorded = (await tx.bulletins.adoptions(id)).length + (await tx.bulletins.instructions(id)).length;
    if (recorded > 0) {
      throw new AppError(
        'CASE_TRANSITION_INVALID',
        `bulletin ${id} has adoptions or instructions and cannot be recalled`,
        {
          subject: 'bulletin',
          state: current.state,
          action: 'recall',
          allowed: bulletinMachine.actionsFrom(current.state).filter((a) => a !== 'recall'),
        },
      );
    }
    return {
      patch: { submittedAt: null, submittedBy: null, recipients: [] },
      details: {},
      note: reason ?? null,
    };
  });
}

/** Cancels a draft. */
export async function cancelBulletin(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  reason?: string,
): Promise<Bulletin> {
  return change(deps, actor, id, 'cancel', async () => ({ patch: {}, details: {}, note: reason ?? null }));
}

/** What one change writes besides the new state. */
interface ChangePlan {
  patch: BulletinPatch;
  details: Record<string, unknown>;
  note?: string | null;
}

/** Load in scope → check the machine → plan → write record, timeline and audit, all in one transaction. */
async function change(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  action: Extract<BulletinAction, 'edit' | 'submit' | 'recall' | 'cancel'>,
  plan: (current: Bulletin, tx: StorageTx) => Promise<ChangePlan>,
): Promise<Bulletin> {
  return deps.storage.transaction(async (tx) => {
    const current = await loadBulletin(tx, actor, id);
    const to = bulletinMachine.next(current.state, action);
    const { patch, details, note } = await plan(current, tx);
    const at = deps.clock.now();
    const updated = await tx.bulletins.update(id, { ...patch, state: to }, at);
    await journal(tx, actor, {
      unitId: current.unitId,
      recordType: 'bulletin',
      recordId: id,
      at,
      action,
      fromState: current.state,
      toState: to,
      note: note ?? null,
      details,
    });
    return updated;
  });
}
