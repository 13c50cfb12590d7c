/** The outbox table (migration 0006) as Kysely sees it. */

/** `alert_deliveries`. `recipient` is '' for a channel-wide delivery. */
export interface AlertDeliveriesTable {
  id: string;
  alertId: string;
  unitId: string;
  channelId: string;
  recipient: string;
  revision: number;
  state: string;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  leaseOwner: string | null;
  lastError: string | null;
  sentAt: number | null;
  createdAt: number;
  updatedAt: number;
}
