/**
 * People acting on alerts: acknowledge, start handling, close. Each checks the life cycle, writes the
 * alert, its history and the audit log in one transaction.
 */
import { AppError } from '../../platform/errors.js';
import type { AlertRecord } from '../../storage/repositories.js';
import { transition, type AlertAction } from '../lifecycle.js';
import type { AlertActor, AlertServiceDeps } from './deps.js';

/** Options of a transition. */
export interface TransitionOptions {
  /** The incident handling the alert (handle only). */
  incidentId?: string | null;
  /** A free note kept in the history and the audit entry. */
  note?: string;
}

async function act(
  deps: AlertServiceDeps,
  actor: AlertActor,
  id: string,
  action: AlertAction,
  options: TransitionOptions,
): Promise<AlertRecord> {
  const by = actor.userId;
  if (by === null) throw new AppError('FORBIDDEN', 'alerts are acknowledged and closed by people', { id });
  return deps.storage.transaction(async (tx) => {
    const alert = await tx.alerts.get(id, { unitIds: actor.unitIds });
    if (!alert) throw new AppError('NOT_FOUND', `alert ${id} does not exist`, { id, entity: 'alert' });
    const at = deps.clock.now();
    const patch = transition(alert, {
      action,
      by,
      at,
      ...(options.incidentId !== undefined && { incidentId: options.incidentId }),
    });
    const updated = await tx.alerts.update(id, patch, at);
    const detail = {
      ...(options.note !== undefined && { note: options.note }),
      ...(patch.incidentId !== undefined && { incidentId: patch.incidentId }),
    };
    await tx.alerts.appendHistory({
      alertId: id,
      at,
      actorUserId: by,
      action,
      fromStatus: alert.status,
      toStatus: updated.status,
      detail,
    });
    await tx.audit.append({
      at,
      actorUserId: by,
      unitId: alert.unitId,
      action: `alert.${action}`,
      targetType: 'alert',
      targetId: id,
      ip: actor.ip,
      detail: { from: alert.status, to: updated.status, ...detail },
    });
    return updated;
  });
}

/** new → acknowledged. */
export function acknowledge(
  deps: AlertServiceDeps,
  actor: AlertActor,
  id: string,
  options: TransitionOptions = {},
): Promise<AlertRecord> {
  return act(deps, actor, id, 'acknowledge', options);
}

/** new/acknowledged → handling, optionally linked to an incident. */
export function startHandling(
  deps: AlertServiceDeps,
  actor: AlertActor,
  id: string,
  options: TransitionOptions = {},
): Promise<AlertRecord> {
  return act(deps, actor, id, 'handle', options);
}

/** Any open status → closed. */
export function close(
  deps: AlertServiceDeps,
  actor: AlertActor,
  id: string,
  options: TransitionOptions = {},
): Promise<AlertRecord> {
  return act(deps, actor, id, 'close', options);
}
