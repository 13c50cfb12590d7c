/**
 * Delivering one claimed outbox row, top to bottom: load the alert and the channel, send through the
 * channel's driver, then record sent, or failed with the next attempt time, or dead. A bad configuration,
 * a missing alert or channel, or a driver's permanent refusal is dead at once; anything else is retried.
 */
import type { Alert } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { isAppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { noMetrics, type MetricsRecorder } from '../../platform/metrics/index.js';
import type { ChannelRepository, ClaimedDelivery, DeliveryRepository } from '../../storage/repositories.js';
import type { ChannelRegistry } from '../channels/registry.js';
import { nextAttemptAt, type RetryPolicy } from './backoff.js';

/** Where the dispatcher reads alerts (the alerts repository of the rules service). */
export interface AlertLookup {
  get(id: string): Promise<Alert | null>;
}

/** What delivering needs. */
export interface DeliverDeps {
  deliveries: DeliveryRepository;
  channels: Pick<ChannelRepository, 'get'>;
  alerts: AlertLookup;
  registry: ChannelRegistry;
  clock: Clock;
  logger: Logger;
  random: () => number;
  retry: RetryPolicy;
  timeZone: string;
  /** Where attempts (by channel kind and result) and the latency of sent alerts are counted. */
  metrics?: MetricsRecorder;
}

/** How one attempt ended. */
export type DeliveryOutcome = 'sent' | 'failed' | 'dead' | 'lease-lost';

/** A permanent failure: retrying cannot help. */
function isPermanent(error: unknown): boolean {
  if (isAppError(error, 'CHANNEL_CONFIG_INVALID')) return true;
  return isAppError(error, 'DELIVERY_FAILED') && error.details['permanent'] === true;
}

function describe(error: unknown): string {
  if (error instanceof Error) return isAppError(error) ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}

async function fail(
  deps: DeliverDeps,
  claim: ClaimedDelivery,
  reason: string,
  permanent: boolean,
): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const retryAt = permanent ? null : nextAttemptAt(claim.delivery.attempts, now, deps.retry, deps.random);
  const kept = await deps.deliveries.markFailed(claim, reason, retryAt, now);
  if (!kept) return 'lease-lost';
  deps.logger.warn(
    { deliveryId: claim.delivery.id, attempts: claim.delivery.attempts, retryAt, reason },
    retryAt === null ? 'alert delivery is dead' : 'alert delivery failed, will retry',
  );
  return retryAt === null ? 'dead' : 'failed';
}

/**
 * Sends one claimed delivery and records the outcome (only while the lease is still held), then counts the
 * attempt by channel kind and result, with the time from the alert's creation when it was sent.
 */
export async function deliverClaim(deps: DeliverDeps, claim: ClaimedDelivery): Promise<DeliveryOutcome> {
  const attempt = await attemptDelivery(deps, claim);
  const metrics = deps.metrics ?? noMetrics;
  const latency =
    attempt.outcome === 'sent' && attempt.alertCreatedAt !== null
      ? (deps.clock.now() - attempt.alertCreatedAt) / 1000
      : null;
  metrics.deliveryAttempted(attempt.kind, attempt.outcome, latency);
  if (attempt.errorCode !== null) metrics.errorCounted(attempt.errorCode, 'delivery');
  return attempt.outcome;
}

/** One attempt and what the metrics need to know about it. */
interface Attempt {
  outcome: DeliveryOutcome;
  /** The channel's kind, or `unknown` when the channel is gone. */
  kind: string;
  alertCreatedAt: number | null;
  /** The stable code of a failed send (null when sent or refused before sending). */
  errorCode: string | null;
}

async function attemptDelivery(deps: DeliverDeps, claim: ClaimedDelivery): Promise<Attempt> {
  const { delivery } = claim;
  const refused = async (reason: string, kind = 'unknown'): Promise<Attempt> => ({
    outcome: await fail(deps, claim, reason, true),
    kind,
    alertCreatedAt: null,
    errorCode: null,
  });
  const alert = await deps.alerts.get(delivery.alertId);
  if (!alert) return refused(`alert ${delivery.alertId} does not exist`);
  const channel = await deps.channels.get(delivery.channelId);
  if (!channel) return refused(`channel ${delivery.channelId} does not exist`);
  if (!channel.enabled) return refused(`channel ${channel.id} is disabled`, channel.kind);
  const facts = { kind: channel.kind, alertCreatedAt: alert.createdAt };
  try {
    await deps.registry.send(channel.kind, channel.config, {
      alert,
      deliveryId: delivery.id,
      recipient: delivery.recipient,
      now: deps.clock.now(),
      timeZone: deps.timeZone,
    });
  } catch (error) {
    const outcome = await fail(deps, claim, describe(error), isPermanent(error));
    return { ...facts, outcome, errorCode: isAppError(error) ? error.code : 'DELIVERY_FAILED' };
  }
  const outcome = (await deps.deliveries.markSent(claim, deps.clock.now())) ? 'sent' : 'lease-lost';
  return { ...facts, outcome, errorCode: null };
}
