/** Case deadlines over Kysely. */
import type { Kysely } from 'kysely';
import { newId } from '../../platform/ids.js';
import type { Database } from '../schema.js';
import type { CaseDeadline, CaseDeadlineInput, CaseDeadlineRepository } from './types.js';

/** Case deadlines in SQLite or PostgreSQL. */
export class KyselyCaseDeadlineRepository implements CaseDeadlineRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private find(recordType: string, recordId: string, kind: string): Promise<CaseDeadline | undefined> {
    return this.db
      .selectFrom('caseDeadlines')
      .selectAll()
      .where('recordType', '=', recordType)
      .where('recordId', '=', recordId)
      .where('kind', '=', kind)
      .executeTakeFirst();
  }

  async set(input: CaseDeadlineInput, now: number): Promise<CaseDeadline> {
    const current = await this.find(input.recordType, input.recordId, input.kind);
    if (!current) {
      const row: CaseDeadline = {
        ...input,
        id: newId(now),
        remindedAt: null,
        escalatedAt: null,
        doneAt: null,
        createdAt: now,
      };
      await this.db.insertInto('caseDeadlines').values(row).execute();
      return row;
    }
    const moved = current.dueAt !== input.dueAt || current.remindAt !== input.remindAt;
    const patch = {
      // A transferred record's deadline follows it to its new unit (reminders go to whoever holds it now).
      unitId: input.unitId,
      title: input.title,
      level: input.level,
      dueAt: input.dueAt,
      remindAt: input.remindAt,
      ...(moved && { remindedAt: null, escalatedAt: null, doneAt: null }),
    };
    await this.db.updateTable('caseDeadlines').set(patch).where('id', '=', current.id).execute();
    return { ...current, ...patch };
  }

  async complete(recordType: string, recordId: string, kind: string, at: number): Promise<void> {
    await this.db
      .updateTable('caseDeadlines')
      .set({ doneAt: at })
      .where('recordType', '=', recordType)
      .where('recordId', '=', recordId)
      .where('kind', '=', kind)
      .where('doneAt', 'is', null)
      .execute();
  }

  listFor(recordType: string, recordId: string): Promise<CaseDeadline[]> {
    return this.db
      .selectFrom('caseDeadlines')
      .selectAll()
      .where('recordType', '=', recordType)
      .where('recordId', '=', recordId)
      .orderBy('dueAt')
      .execute();
  }

  dueReminders(now: number, limit: number): Promise<CaseDeadline[]> {
    return this.db
      .selectFrom('caseDeadlines')
      .selectAll()
      .where('doneAt', 'is', null)
      .where('remindedAt', 'is', null)
      .where('remindAt', '<=', now)
      .where('dueAt', '>', now)
      .orderBy('remindAt')
      .limit(limit)
      .execute();
  }

  dueEscalations(now: number, limit: number): Promise<CaseDeadline[]> {
    return this.db
      .selectFrom('caseDeadlines')
      .selectAll()
      .where('doneAt', 'is', null)
      .where('escalatedAt', 'is', null)
      .where('dueAt', '<=', now)
      .orderBy('dueAt')
      .limit(limit)
      .execute();
  }

  async markReminded(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('caseDeadlines')
      .set({ remindedAt: at })
      .where('id', '=', id)
      .where('remindedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async markEscalated(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('caseDeadlines')
      .set({ escalatedAt: at })
      .where('id', '=', id)
      .where('escalatedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
