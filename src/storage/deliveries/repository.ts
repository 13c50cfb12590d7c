/**
 * The alert outbox in SQLite or PostgreSQL through Kysely. Claiming is one UPDATE whose WHERE repeats the
 * "due and not leased" test, so on PostgreSQL a second dispatcher that waited on the row lock re-checks
 * the row after the first commits and skips it; SQLite has one writer at a time. Every outcome is written
 * only while the claimer still holds the lease (`lease_owner`).
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { DELIVERY_STATES, type DeliveryState } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId, newSecret } from '../../platform/ids.js';
import type { Database } from '../schema.js';
import type { AlertDeliveriesTable } from './tables.js';
import type { AlertDelivery, ClaimedDelivery, DeliveryRepository, NewDelivery } from './types.js';

const WAITING: DeliveryState[] = ['pending', 'failed'];

function toDelivery(row: Selectable<AlertDeliveriesTable>): AlertDelivery {
  if (!(DELIVERY_STATES as readonly string[]).includes(row.state)) {
    throw new AppError('INTERNAL', `delivery ${row.id} has an unknown state ${row.state}`);
  }
  return {
    id: row.id,
    alertId: row.alertId,
    unitId: row.unitId,
    channelId: row.channelId,
    recipient: row.recipient === '' ? null : row.recipient,
    revision: row.revision,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    leaseUntil: row.leaseUntil,
    lastError: row.lastError,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Waiting, due at `now`, and not held by a live lease. */
function claimable(now: number) {
  return (eb: ExpressionBuilder<Database, 'alertDeliveries'>) =>
    eb.and([
      eb('state', 'in', WAITING),
      eb('nextAttemptAt', '<=', now),
      eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', now)]),
    ]);
}

/** The outbox over one database or transaction. */
export class KyselyDeliveryRepository implements DeliveryRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async enqueue(rows: readonly NewDelivery[], now: number): Promise<AlertDelivery[]> {
    const written: AlertDelivery[] = [];
    for (const input of rows) {
      const row: Selectable<AlertDeliveriesTable> = {
        id: newId(this.clock.now()),
        alertId: input.alertId,
        unitId: input.unitId,
        channelId: input.channelId,
        recipient: input.recipient ?? '',
        revision: input.revision,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        leaseOwner: null,
        lastError: null,
        sentAt: null,
        createdAt: now,
        updatedAt: now,
      };
      const result = await this.db
        .insertInto('alertDeliveries')
        .values(row)
        .onConflict((oc) => oc.columns(['alertId', 'channelId', 'recipient', 'revision']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) written.push(toDelivery(row));
    }
    return written;
  }

  async lastRevision(alertId: string): Promise<number> {
    const row = await this.db
      .selectFrom('alertDeliveries')
      .select((eb) => eb.fn.max('revision').as('revision'))
      .where('alertId', '=', alertId)
      .executeTakeFirst();
    return Number(row?.revision ?? 0);
  }

  async get(id: string): Promise<AlertDelivery | null> {
    const row = await this.db
      .selectFrom('alertDeliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  async listByAlert(alertId: string): Promise<AlertDelivery[]> {
    const rows = await this.db
      .selectFrom('alertDeliveries')
      .selectAll()
      .where('alertId', '=', alertId)
      .orderBy('revision')
      .orderBy('channelId')
      .orderBy('recipient')
      .execute();
    return rows.map(toDelivery);
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const leaseOwner = newSecret(12);
    const due = this.db
      .selectFrom('alertDeliveries')
      .select('id')
      .where(claimable(now))
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit);
    await this.db
      .updateTable('alertDeliveries')
      .set((eb) => ({
        leaseOwner,
        leaseUntil: now + leaseMs,
        attempts: eb('attempts', '+', 1),
        updatedAt: now,
      }))
      .where('id', 'in', due)
      .where(claimable(now))
      .execute();
    const rows = await this.db
      .selectFrom('alertDeliveries')
      .selectAll()
      .where('leaseOwner', '=', leaseOwner)
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ delivery: toDelivery(row), leaseOwner }));
  }

  async markSent(claim: ClaimedDelivery, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('alertDeliveries')
      .set({ state: 'sent', sentAt: at, leaseUntil: null, leaseOwner: null, lastError: null, updatedAt: at })
      .where('id', '=', claim.delivery.id)
      .where('leaseOwner', '=', claim.leaseOwner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async markFailed(
    claim: ClaimedDelivery,
    error: string,
    retryAt: number | null,
    at: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('alertDeliveries')
      .set({
        state: retryAt === null ? 'dead' : 'failed',
        nextAttemptAt: retryAt ?? claim.delivery.nextAttemptAt,
        leaseUntil: null,
        leaseOwner: null,
        lastError: error.slice(0, 2000),
        updatedAt: at,
      })
      .where('id', '=', claim.delivery.id)
      .where('leaseOwner', '=', claim.leaseOwner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async nextDueAt(): Promise<number | null> {
    const row = await this.db
      .selectFrom('alertDeliveries')
      .select((eb) => [
        eb.fn.min('nextAttemptAt').filterWhere('leaseUntil', 'is', null).as('free'),
        eb.fn.min('leaseUntil').as('leased'),
      ])
      .where('state', 'in', WAITING)
      .executeTakeFirst();
    const times = [row?.free, row?.leased].filter((value) => value !== null && value !== undefined);
    return times.length === 0 ? null : Math.min(...times.map(Number));
  }
}
