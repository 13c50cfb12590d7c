/**
 * Opening an incident (立案处置) from an alert, an event, chosen items or by hand. In one transaction: the
 * record, its items, the link from the alert (which moves to handling), its deadlines, the timeline and
 * the audit log.
 */
import type { AlertRecord } from '../../../storage/repositories.js';
import type { Incident, IncidentLevel, OpinionEvent } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { syncDeadlines } from './deadlines.js';
import {
  recordChange,
  requireHandlerOf,
  type IncidentActor,
  type IncidentServiceDeps,
  type StorageTx,
} from './deps.js';

/** What opening an incident takes; title, category and level default from the alert or event. */
export interface OpenIncidentInput {
  /** The responsible unit; defaults to the alert's or event's unit. */
  unitId?: string;
  title?: string;
  description?: string;
  category?: string;
  level?: IncidentLevel;
  handlerUserId?: string | null;
  alertId?: string;
  eventId?: string;
  itemIds?: string[];
}

function missing(field: string): AppError {
  return new AppError('BAD_REQUEST', `an incident needs a ${field} (or an alert or event to take it from)`, {
    field,
  });
}

async function sourceAlert(tx: StorageTx, actor: IncidentActor, id: string): Promise<AlertRecord> {
  const alert = await tx.alerts.get(id, { unitIds: actor.unitIds });
  if (!alert) throw new AppError('NOT_FOUND', `alert ${id} does not exist`, { id, entity: 'alert' });
  if (alert.incidentId !== null) {
    throw new AppError('CONFLICT', `alert ${id} is already handled by incident ${alert.incidentId}`, {
      id,
      incidentId: alert.incidentId,
    });
  }
  return alert;
}

async function sourceEvent(tx: StorageTx, actor: IncidentActor, id: string): Promise<OpinionEvent> {
  const event = await tx.events.get(id, { unitIds: actor.unitIds });
  if (!event) throw new AppError('NOT_FOUND', `event ${id} does not exist`, { id, entity: 'event' });
  return event;
}

/** The chosen items, all of which must exist within the actor's units. */
async function checkItems(tx: StorageTx, actor: IncidentActor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.items.getMany(ids);
  const visible = new Set(
    found.filter((i) => actor.unitIds === null || actor.unitIds.includes(i.unitId)).map((i) => i.id),
  );
  const absent = ids.filter((id) => !visible.has(id));
  if (absent.length > 0) {
    throw new AppError('NOT_FOUND', `item ${absent[0]} does not exist`, { id: absent[0], entity: 'item' });
  }
}

/** Links the alert to the incident and moves an unhandled one to handling, with its history. */
async function linkAlert(
  tx: StorageTx,
  actor: IncidentActor,
  alert: AlertRecord,
  incidentId: string,
  at: number,
): Promise<void> {
  const handling = alert.status === 'new' || alert.status === 'acknowledged';
  const patch = {
    incidentId,
    ...(handling && { status: 'handling' as const }),
    ...(handling && alert.acknowledgedBy === null && { acknowledgedBy: actor.userId, acknowledgedAt: at }),
  };
  const updated = await tx.alerts.update(alert.id, patch, at);
  await tx.alerts.appendHistory({
    alertId: alert.id,
    at,
    actorUserId: actor.userId,
    action: 'handle',
    fromStatus: alert.status,
    toStatus: updated.status,
    detail: { incidentId },
  });
  await tx.audit.append({
    at,
    actorUserId: actor.userId,
    unitId: alert.unitId,
    action: 'alert.handle',
    targetType: 'alert',
    targetId: alert.id,
    ip: actor.ip,
    detail: { from: alert.status, to: updated.status, incidentId },
  });
}

/** Opens an incident; returns it as stored. */
export async function openIncident(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  input: OpenIncidentInput,
): Promise<Incident> {
  return deps.storage.transaction(async (tx) => {
    const at = deps.clock.now();
    const alert = input.alertId === undefined ? null : await sourceAlert(tx, actor, input.alertId);
    const eventId = input.eventId ?? alert?.eventId ?? undefined;
    const event = eventId === undefined ? null : await sourceEvent(tx, actor, eventId);
    const unitId = input.unitId ?? alert?.unitId ?? event?.unitId;
    if (unitId === undefined) throw missing('unitId');
    if (actor.unitIds !== null && !actor.unitIds.includes(unitId)) {
      throw new AppError('NOT_FOUND', `unit ${unitId} does not exist`, { id: unitId, entity: 'unit' });
    }
    const title = input.title ?? alert?.title ?? event?.title;
    if (title === undefined) throw missing('title');
    const level = input.level ?? alert?.level;
    if (level === undefined) throw missing('level');
    const itemIds = input.itemIds ?? [];
    await checkItems(tx, actor, itemIds);
    if (input.handlerUserId) await requireHandlerOf(tx, unitId, input.handlerUserId);
    const incident: Incident = {
      id: newId(at),
      unitId,
      title,
      description: input.description ?? alert?.matter ?? '',
      category: input.category ?? alert?.category ?? 'other',
      level,
      state: 'new',
      origin: alert ? 'alert' : event ? 'event' : itemIds.length > 0 ? 'items' : 'manual',
      alertId: alert?.id ?? null,
      eventId: event?.id ?? null,
      handlerUserId: input.handlerUserId ?? null,
      verification: null,
      closingSummary: null,
      review: null,
      openedBy: actor.userId,
      openedAt: at,
      closedBy: null,
      closedAt: null,
      reopenCount: 0,
      createdAt: at,
      updatedAt: at,
    };
    await tx.incidents.insert(incident);
    const attached = [
      ...itemIds,
      ...(alert?.evidence.items.map((i) => i.itemId) ?? []),
      ...(event?.representativeIds ?? []),
    ];
    await tx.incidents.addItems(incident.id, attached, actor.userId, at);
    if (alert) await linkAlert(tx, actor, alert, incident.id, at);
    const deadlines = await syncDeadlines(tx, incident, at);
    await recordChange(tx, actor, incident, at, {
      action: 'open',
      toState: 'new',
      details: {
        origin: incident.origin,
        level,
        alertId: incident.alertId,
        eventId: incident.eventId,
        items: [...new Set(attached)].length,
        deadlines: deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt })),
      },
    });
    return incident;
  });
}
