/**
 * Writing an alert's deliveries into the outbox inside the transaction that writes the alert, so an
 * alert is never stored without its deliveries nor delivered without being stored. The rules service
 * calls this from its `onRaised(tx, alert, rule, isNew)` hook; after the commit the caller wakes the
 * dispatcher. Every call is a new revision of the alert (a merged re-alert notifies again).
 */
import type { Alert } from '../../domain/index.js';
import type { AlertDelivery, Channel } from '../../storage/repositories.js';
import type { Repositories } from '../../storage/storage.js';
import { parseEmailAudience } from '../channels/email/index.js';
import { planDeliveries } from '../recipients.js';

/** What the hook knows besides the alert. */
export interface EnqueueContext {
  /** The time of raising: deliveries are due now, and duty is checked at this time. */
  now: number;
  /** The channels the rule names; null or absent means every channel that matches. */
  channelIds?: readonly string[] | null;
}

/** The alert's unit then its ancestors, from the unit's materialised path. */
async function unitChain(tx: Pick<Repositories, 'units'>, unitId: string): Promise<string[]> {
  const unit = await tx.units.get(unitId);
  if (!unit) return [unitId];
  return unit.path.split('/').filter(Boolean).reverse();
}

/** Writes the deliveries `alert` needs now; returns the rows written. */
export async function enqueueDeliveries(
  tx: Pick<Repositories, 'units' | 'channels' | 'deliveries'>,
  alert: Alert,
  context: EnqueueContext,
): Promise<AlertDelivery[]> {
  const chain = await unitChain(tx, alert.unitId);
  const channels = await tx.channels.listEnabledOf(chain);
  if (channels.length === 0) return [];
  const needsPeople = channels.some((channel) => channel.kind === 'email');
  const contacts = needsPeople ? await tx.channels.contactsOf(chain) : [];
  const shifts = needsPeople
    ? await tx.channels.listShifts({ unitIds: chain }, context.now, context.now + 1)
    : [];
  const planned = planDeliveries({
    alert,
    unitChain: chain,
    channels,
    contacts,
    shifts,
    at: context.now,
    channelIds: context.channelIds ?? null,
    emailAudience: (channel: Channel) => parseEmailAudience(channel.config),
  });
  if (planned.length === 0) return [];
  const revision = (await tx.deliveries.lastRevision(alert.id)) + 1;
  return tx.deliveries.enqueue(
    planned.map((plan) => ({ ...plan, alertId: alert.id, unitId: alert.unitId, revision })),
    context.now,
  );
}
