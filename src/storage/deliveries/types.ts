/**
 * The alert outbox (issue 5 §6): one delivery per alert × channel × recipient × revision. Rows are
 * written in the transaction that writes the alert, claimed by a dispatcher under a lease, and end sent
 * or dead. The delivery id travels with every message so receivers deduplicate.
 */
import type { DeliveryState } from '../../domain/index.js';

/** One delivery of one alert revision to one channel (and recipient). */
export interface AlertDelivery {
  id: string;
  alertId: string;
  unitId: string;
  channelId: string;
  /** The e-mail address (or other per-person target); null for a channel-wide message. */
  recipient: string | null;
  /** 1 for the first notice of an alert; each re-alert of the same alert adds one. */
  revision: number;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  sentAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A delivery to write into the outbox. */
export interface NewDelivery {
  alertId: string;
  unitId: string;
  channelId: string;
  recipient: string | null;
  revision: number;
}

/** A claimed delivery: the row and the lease token that must accompany its outcome. */
export interface ClaimedDelivery {
  delivery: AlertDelivery;
  leaseOwner: string;
}

/** The outbox. */
export interface DeliveryRepository {
  /** Writes deliveries due at `now`; rows whose key exists already are skipped. Returns those written. */
  enqueue(rows: readonly NewDelivery[], now: number): Promise<AlertDelivery[]>;
  /** The highest revision written for the alert (0 when none). */
  lastRevision(alertId: string): Promise<number>;
  get(id: string): Promise<AlertDelivery | null>;
  /** Deliveries of an alert, by revision then channel. */
  listByAlert(alertId: string): Promise<AlertDelivery[]>;
  /**
   * Claims up to `limit` pending or failed deliveries due at `now` whose lease is free or expired, under
   * a new lease until `now + leaseMs`, counting one attempt each. Two dispatchers never hold the same row.
   */
  claimDue(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  /** Marks a claimed delivery sent; false when the lease was lost (another dispatcher took it over). */
  markSent(claim: ClaimedDelivery, at: number): Promise<boolean>;
  /** Marks a claimed delivery failed (retry at `retryAt`) or dead (`retryAt` null); false when the lease was lost. */
  markFailed(claim: ClaimedDelivery, error: string, retryAt: number | null, at: number): Promise<boolean>;
  /** The earliest time a pending or failed delivery becomes due, or null when none waits. */
  nextDueAt(): Promise<number | null>;
}
