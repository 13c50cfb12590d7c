/**
 * Work recorded on an open incident: changing its fields (a level change re-registers its deadlines),
 * the verification result, transfers between units, who was notified, progress notices on the timeline,
 * and more items. Each writes the record, the timeline and the audit log in one transaction.
 */
import type {
  Incident,
  IncidentLevel,
  IncidentNotification,
  IncidentTransfer,
  VerificationResult,
} from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import type { IncidentPatch } from '../../../storage/repositories.js';
import { requireOpen, requireVerifiable } from '../machine.js';
import { syncDeadlines } from './deadlines.js';
import {
  loadIncident,
  recordChange,
  INCIDENT_RECORD,
  requireHandlerOf,
  type IncidentActor,
  type IncidentServiceDeps,
  type StorageTx,
} from './deps.js';

/** Fields people may change on an open incident. */
export interface IncidentEdit {
  title?: string;
  description?: string;
  category?: string;
  level?: IncidentLevel;
  handlerUserId?: string | null;
}

/** Changes fields; a new level re-registers the deadlines by the new level's rules. */
export async function editIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  edit: IncidentEdit,
): Promise<Incident> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    requireOpen(incident.state, 'edit');
    if (edit.handlerUserId) await requireHandlerOf(tx, incident.unitId, edit.handlerUserId);
    const at = deps.clock.now();
    const patch: IncidentPatch = {};
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['title', 'description', 'category', 'level', 'handlerUserId'] as const) {
      const value = edit[key];
      if (value === undefined || value === incident[key]) continue;
      Object.assign(patch, { [key]: value });
      changed[key] = { from: incident[key], to: value };
    }
    if (Object.keys(changed).length === 0) return incident;
    const updated = await tx.incidents.update(id, patch, at);
    const levelChanged = changed['level'] !== undefined;
    const deadlines = levelChanged ? await syncDeadlines(tx, updated, at) : [];
    await recordChange(tx, actor, incident, at, {
      action: levelChanged ? 'change_level' : 'edit',
      details: {
        changed,
        ...(levelChanged && {
          deadlines: deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt, doneAt: d.doneAt })),
        }),
      },
    });
    return updated;
  });
}

/** Checks that every id names an evidence capture (src/cases/evidence) of this incident; NOT_FOUND otherwise. */
async function requireEvidenceOf(
  tx: StorageTx,
  actor: IncidentActor,
  incident: Incident,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.evidence.getMany(ids, { unitIds: actor.unitIds });
  const own = new Set(
    found.filter((e) => e.recordType === INCIDENT_RECORD && e.recordId === incident.id).map((e) => e.id),
  );
  const absent = ids.find((id) => !own.has(id));
  if (absent !== undefined) {
    throw new AppError('NOT_FOUND', `evidence ${absent} of incident ${incident.id} does not exist`, {
      id: absent,
      entity: 'evidence',
    });
  }
}

/** Records (or amends) the verification result with the facts found and the evidence captured for it. */
export async function verifyIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  input: { result: VerificationResult; facts: string; evidenceIds: string[] },
): Promise<Incident> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    requireVerifiable(incident.state);
    await requireEvidenceOf(tx, actor, incident, input.evidenceIds);
    const at = deps.clock.now();
    const verification = { ...input, verifiedBy: actor.userId, verifiedAt: at };
    const updated = await tx.incidents.update(id, { verification }, at);
    await recordChange(tx, actor, incident, at, {
      action: 'verify',
      note: input.facts,
      details: {
        result: input.result,
        evidenceIds: input.evidenceIds,
        ...(incident.verification && { previous: incident.verification.result }),
      },
    });
    return updated;
  });
}

/**
 * Transfers the incident to another unit (转办) with the reason; the new unit's handler may be named.
 * The caller may lose sight of it afterwards when the new unit lies outside their units.
 */
export async function transferIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  input: { toUnitId: string; toHandlerUserId?: string | null; reason: string },
): Promise<{ incident: Incident; transfer: IncidentTransfer }> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    requireOpen(incident.state, 'transfer');
    if (input.toUnitId === incident.unitId) {
      throw new AppError('BAD_REQUEST', 'the incident already belongs to that unit', {
        unitId: input.toUnitId,
      });
    }
    const unit = await tx.units.get(input.toUnitId);
    if (!unit)
      throw new AppError('NOT_FOUND', `unit ${input.toUnitId} does not exist`, {
        id: input.toUnitId,
        entity: 'unit',
      });
    const toHandler = input.toHandlerUserId ?? null;
    if (toHandler) await requireHandlerOf(tx, unit.id, toHandler);
    const at = deps.clock.now();
    const transfer = await tx.incidents.addTransfer({
      incidentId: id,
      fromUnitId: incident.unitId,
      toUnitId: unit.id,
      fromHandlerUserId: incident.handlerUserId,
      toHandlerUserId: toHandler,
      reason: input.reason,
      byUserId: actor.userId,
      at,
    });
    const updated = await tx.incidents.update(id, { unitId: unit.id, handlerUserId: toHandler }, at);
    await recordChange(tx, actor, updated, at, {
      action: 'transfer',
      note: input.reason,
      details: { fromUnitId: incident.unitId, toUnitId: unit.id, toHandlerUserId: toHandler },
    });
    await syncDeadlines(tx, updated, at);
    return { incident: updated, transfer };
  });
}

/** Records that someone was told about the incident (who, how, when). */
export async function recordNotification(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  input: { recipient: string; method: string; note?: string | null; notifiedAt?: number },
): Promise<IncidentNotification> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    const at = deps.clock.now();
    const notification = await tx.incidents.addNotification({
      incidentId: id,
      unitId: incident.unitId,
      recipient: input.recipient,
      method: input.method,
      note: input.note ?? null,
      notifiedAt: input.notifiedAt ?? at,
      byUserId: actor.userId,
      createdAt: at,
    });
    await recordChange(tx, actor, incident, at, {
      action: 'notify',
      note: input.note ?? null,
      details: { recipient: input.recipient, method: input.method, notifiedAt: notification.notifiedAt },
    });
    return notification;
  });
}

/** Adds a progress notice (进展通报) to the timeline; `url` where it was published, if it was. */
export async function addProgressNotice(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  input: { text: string; url?: string | null },
): Promise<void> {
  await deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    requireOpen(incident.state, 'progress');
    await recordChange(tx, actor, incident, deps.clock.now(), {
      action: 'progress',
      note: input.text,
      details: { state: incident.state, ...(input.url && { url: input.url }) },
    });
  });
}

/** Attaches more items (within the actor's units); returns how many were new. */
export async function attachItems(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  id: string,
  itemIds: string[],
): Promise<number> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, id);
    const found = await tx.items.getMany(itemIds);
    const visible = new Set(
      found.filter((i) => actor.unitIds === null || actor.unitIds.includes(i.unitId)).map((i) => i.id),
    );
    const absent = itemIds.find((itemId) => !visible.has(itemId));
    if (absent !== undefined)
      throw new AppError('NOT_FOUND', `item ${absent} does not exist`, { id: absent, entity: 'item' });
    const at = deps.clock.now();
    const added = await tx.incidents.addItems(id, itemIds, actor.userId, at);
    await recordChange(tx, actor, incident, at, { action: 'attach_items', details: { itemIds, added } });
    return added;
  });
}
