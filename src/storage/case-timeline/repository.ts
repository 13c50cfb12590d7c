/** The case timeline over Kysely: entries numbered per record in append order. */
import type { Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { parseJsonText, toJsonText } from '../json-columns.js';
import type { Database } from '../schema.js';
import type { CaseTimelineEntry, CaseTimelineRepository, NewCaseTimelineEntry } from './types.js';

function detailsOf(text: string): Record<string, unknown> {
  const value = parseJsonText(text, 'case_timeline.details');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('INTERNAL', 'column case_timeline.details does not hold an object');
  }
  return value as Record<string, unknown>;
}

/** Case timelines in SQLite or PostgreSQL. */
export class KyselyCaseTimelineRepository implements CaseTimelineRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: NewCaseTimelineEntry): Promise<CaseTimelineEntry> {
    const last = await this.db
      .selectFrom('caseTimeline')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('recordType', '=', entry.recordType)
      .where('recordId', '=', entry.recordId)
      .executeTakeFirst();
    const stored: CaseTimelineEntry = {
      id: newId(entry.at),
      unitId: entry.unitId,
      recordType: entry.recordType,
      recordId: entry.recordId,
      at: entry.at,
      actorUserId: entry.actorUserId,
      action: entry.action,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      note: entry.note ?? null,
      details: entry.details ?? {},
    };
    await this.db
      .insertInto('caseTimeline')
      .values({ ...stored, seq: Number(last?.seq ?? 0) + 1, details: toJsonText(stored.details) })
      .execute();
    return stored;
  }

  async list(recordType: string, recordId: string): Promise<CaseTimelineEntry[]> {
    const rows = await this.db
      .selectFrom('caseTimeline')
      .selectAll()
      .where('recordType', '=', recordType)
      .where('recordId', '=', recordId)
      .orderBy('seq')
      .execute();
    return rows.map(({ seq: _seq, ...row }) => ({ ...row, details: detailsOf(row.details) }));
  }
}
