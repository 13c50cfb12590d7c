/**
 * Closing an incident closes the alert it was opened from: the alert's life cycle ends where its handling
 * ended, with the incident's closer and time, in the incident's transaction (history and audit included).
 */
import type { IncidentActor, StorageTx } from './deps.js';

/** Closes the incident's alert unless it is closed already; returns whether it did. */
export async function closeLinkedAlert(
  tx: StorageTx,
  actor: IncidentActor,
  alertId: string,
  incidentId: string,
  at: number,
): Promise<boolean> {
  const alert = await tx.alerts.get(alertId);
  if (!alert || alert.status === 'closed') return false;
  await tx.alerts.update(alert.id, { status: 'closed', closedBy: actor.userId, closedAt: at }, at);
  await tx.alerts.appendHistory({
    alertId: alert.id,
    at,
    actorUserId: actor.userId,
    action: 'close',
    fromStatus: alert.status,
    toStatus: 'closed',
    detail: { incidentId, by: 'incident_closed' },
  });
  await tx.audit.append({
    at,
    actorUserId: actor.userId,
    unitId: alert.unitId,
    action: 'alert.close',
    targetType: 'alert',
    targetId: alert.id,
    ip: actor.ip,
    detail: { from: alert.status, to: 'closed', incidentId },
  });
  return true;
}
