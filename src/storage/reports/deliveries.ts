/**
 * E-mail deliveries of issued reports over Kysely, an outbox like the alerts' (`storage/deliveries/`).
 * Claiming is one UPDATE whose WHERE repeats the "pending and due" test and pushes `next_attempt_at` past
 * the lease: on PostgreSQL a second claimer that waited on the row lock re-checks the row after the first
 * commits and skips it; SQLite has one writer. A sender that dies leaves its rows to come back when the
 * lease runs out.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { ReportDelivery } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { Database } from '../schema.js';
import { toDelivery } from './rows.js';
import type { ReportDeliveriesTable } from './tables.js';
import type { ReportDeliveryRepository } from './types.js';

/** Pending and due at `now`. */
function due(now: number) {
  return (eb: ExpressionBuilder<Database, 'reportDeliveries'>) =>
    eb.and([eb('state', '=', 'pending'), eb('nextAttemptAt', '<=', now)]);
}

/** Report deliveries in SQLite or PostgreSQL. */
export class KyselyReportDeliveryRepository implements ReportDeliveryRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async enqueue(reportId: string, recipients: readonly string[], at: number): Promise<ReportDelivery[]> {
    const written: ReportDelivery[] = [];
    for (const recipient of new Set(recipients)) {
      const row: Selectable<ReportDeliveriesTable> = {
        id: newId(this.clock.now()),
        reportId,
        recipient,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        sentAt: null,
        createdAt: at,
        updatedAt: at,
      };
      const result = await this.db
        .insertInto('reportDeliveries')
        .values(row)
        .onConflict((oc) => oc.columns(['reportId', 'recipient']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) written.push(toDelivery(row));
    }
    return written;
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<ReportDelivery[]> {
    const candidates = this.db
      .selectFrom('reportDeliveries')
      .select('id')
      .where(due(now))
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit);
    const rows = await this.db
      .updateTable('reportDeliveries')
      .set((eb) => ({ nextAttemptAt: now + leaseMs, attempts: eb('attempts', '+', 1), updatedAt: now }))
      .where('id', 'in', candidates)
      .where(due(now))
      .returningAll()
      .execute();
    return rows.map(toDelivery).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async markSent(id: string, at: number): Promise<void> {
    await this.db
      .updateTable('reportDeliveries')
      .set({ state: 'sent', sentAt: at, nextAttemptAt: null, lastError: null, updatedAt: at })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute();
  }

  async markFailed(id: string, error: string, nextAttemptAt: number | null): Promise<void> {
    await this.db
      .updateTable('reportDeliveries')
      .set({
        state: nextAttemptAt === null ? 'dead' : 'pending',
        nextAttemptAt,
        lastError: error.slice(0, 2000),
        updatedAt: this.clock.now(),
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute();
  }

  async listByReport(reportId: string): Promise<ReportDelivery[]> {
    const rows = await this.db
      .selectFrom('reportDeliveries')
      .selectAll()
      .where('reportId', '=', reportId)
      .orderBy('recipient')
      .execute();
    return rows.map(toDelivery);
  }
}
