/**
 * Reports over Kysely. An issued report never changes: `update` and `issue` guard their UPDATE with
 * `status <> 'issued'`, so a racing writer finds no row to change instead of overwriting. The issue
 * number is taken under a unique index; a number already used surfaces as CONFLICT and the caller tries
 * the next one. Files are written with the issue, in its transaction, and never updated. Call `issue`
 * outside a caller's transaction when it may be retried: on PostgreSQL a unique violation aborts the
 * whole enclosing transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ReportFormat, ReportType, StoredReport, Traced } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { atomically } from '../transactions.js';
import { reportFormatOf, SUMMARY_COLUMNS, toFile, toReport, toSummary } from './rows.js';
import type { ReportsTable } from './tables.js';
import type {
  NewReport,
  ReportFile,
  ReportFilter,
  ReportPatch,
  ReportRepository,
  ReportSummary,
} from './types.js';

type IssueInput = Parameters<ReportRepository['issue']>[1];

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `report ${id} does not exist`, { id, entity: 'report' });
}

function alreadyIssued(id: string): AppError {
  return new AppError('CONFLICT', `report ${id} is issued and cannot change`, { id, reason: 'issued' });
}

function traceParams(parameters: readonly unknown[]): (string | number | null)[] {
  return parameters.map((value) =>
    typeof value === 'string' || typeof value === 'number' || value === null ? value : String(value),
  );
}

/** Reports in SQLite or PostgreSQL. */
export class KyselyReportRepository implements ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewReport): Promise<StoredReport> {
    const row: Selectable<ReportsTable> = {
      id: newId(input.createdAt),
      unitId: input.unitId,
      type: input.type,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      eventId: input.eventId,
      title: input.title,
      status: 'draft',
      issueYear: null,
      issueNumber: null,
      document: toJsonText(input.document),
      snapshot: toJsonText(input.snapshot),
      scheduleId: input.scheduleId,
      createdBy: input.createdBy,
      reviewerId: null,
      reviewNote: null,
      approvedBy: null,
      approvedAt: null,
      issuedBy: null,
      issuedAt: null,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    };
    try {
      await this.db.insertInto('reports').values(row).execute();
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
          id: input.unitId,
          entity: 'unit',
        });
      }
      if (isUniqueViolation(error)) {
        throw new AppError(
          'CONFLICT',
          `schedule ${input.scheduleId} already made the report of this period`,
          {
            scheduleId: input.scheduleId,
            periodFrom: input.periodFrom,
            reason: 'slot_taken',
          },
        );
      }
      throw error;
    }
    return toReport(row);
  }

  async get(id: string, scope?: Scope): Promise<StoredReport | null> {
    const query = this.db.selectFrom('reports').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toReport(row) : null;
  }

  async list(scope: Scope, filter: ReportFilter, page: PageRequest): Promise<Page<ReportSummary>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('reports')
      .select(SUMMARY_COLUMNS)
      .orderBy('periodFrom', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.types && filter.types.length > 0) query = query.where('type', 'in', [...filter.types]);
    if (filter.statuses && filter.statuses.length > 0)
      query = query.where('status', 'in', [...filter.statuses]);
    if (filter.from !== undefined) query = query.where('periodFrom', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('periodFrom', '<', filter.to);
    if (filter.reviewerId !== undefined) query = query.where('reviewerId', '=', filter.reviewerId);
    if (page.cursor) query = query.where(beforeTimeId('periodFrom', page.cursor));
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.periodFrom, id: row.id }), toSummary);
  }

  async update(id: string, patch: ReportPatch, at: number): Promise<StoredReport> {
    if (patch.status === 'issued') {
      throw new AppError('CONFLICT', `report ${id} is issued only through issue()`, { id, reason: 'issue' });
    }
    const { document, ...fields } = patch;
    return atomically(this.db, async (db) => {
      const result = await db
        .updateTable('reports')
        .set({ ...fields, ...(document !== undefined && { document: toJsonText(document) }), updatedAt: at })
        .where('id', '=', id)
        .where('status', '<>', 'issued')
        .executeTakeFirst();
      const updated = await new KyselyReportRepository(db).get(id);
      if (!updated) throw notFound(id);
      if (result.numUpdatedRows === 0n) throw alreadyIssued(id);
      return updated;
    });
  }

  async nextIssueNumber(unitId: string, type: ReportType, year: number): Promise<number> {
    const row = await this.db
      .selectFrom('reports')
      .select((eb) => eb.fn.max('issueNumber').as('highest'))
      .where('unitId', '=', unitId)
      .where('type', '=', type)
      .where('issueYear', '=', year)
      .where('status', '=', 'issued')
      .executeTakeFirst();
    const highest = row?.highest;
    return highest === null || highest === undefined ? 1 : Number(highest) + 1;
  }

  async issue(id: string, input: IssueInput): Promise<StoredReport> {
    return atomically(this.db, async (db) => {
      const current = await db.selectFrom('reports').select('status').where('id', '=', id).executeTakeFirst();
      if (!current) throw notFound(id);
      if (current.status === 'issued') throw alreadyIssued(id);
      try {
        const result = await db
          .updateTable('reports')
          .set({
            status: 'issued',
            issueYear: input.year,
            issueNumber: input.number,
            document: toJsonText(input.document),
            title: input.document.title,
            issuedBy: input.issuedBy,
            issuedAt: input.issuedAt,
            updatedAt: input.issuedAt,
          })
          .where('id', '=', id)
          .where('status', '<>', 'issued')
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw alreadyIssued(id);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError('CONFLICT', `issue number ${input.year}/${input.number} is taken`, {
          id,
          year: input.year,
          number: input.number,
          reason: 'number_taken',
        });
      }
      for (const file of input.files) await insertFile(db, id, file);
      const issued = await new KyselyReportRepository(db).get(id);
      if (!issued) throw notFound(id);
      return issued;
    });
  }

  async file(reportId: string, format: ReportFormat): Promise<ReportFile | null> {
    const row = await this.db
      .selectFrom('reportFiles')
      .selectAll()
      .where('reportId', '=', reportId)
      .where('format', '=', format)
      .executeTakeFirst();
    return row ? toFile(row) : null;
  }

  async fileFormats(reportId: string): Promise<ReportFormat[]> {
    const rows = await this.db
      .selectFrom('reportFiles')
      .select('format')
      .where('reportId', '=', reportId)
      .orderBy('format')
      .execute();
    return rows.map((row) => reportFormatOf(row.format));
  }

  async findScheduled(scheduleId: string, periodFrom: number): Promise<StoredReport | null> {
    const row = await this.db
      .selectFrom('reports')
      .selectAll()
      .where('scheduleId', '=', scheduleId)
      .where('periodFrom', '=', periodFrom)
      .executeTakeFirst();
    return row ? toReport(row) : null;
  }

  async countIssued(scope: Scope, from: number, to: number): Promise<Traced<number>> {
    const query = whereInScope(
      this.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'issued')
        .where('issuedAt', '>=', from)
        .where('issuedAt', '<', to),
      scope,
    );
    const compiled = query.compile();
    const row = await query.executeTakeFirst();
    return {
      value: Number(row?.n ?? 0),
      trace: [{ sql: compiled.sql, params: traceParams(compiled.parameters) }],
    };
  }
}

async function insertFile(db: Kysely<Database>, reportId: string, file: IssueInput['files'][number]) {
  await db
    .insertInto('reportFiles')
    .values({
      reportId,
      format: file.format,
      contentType: file.contentType,
      fileName: file.fileName,
      bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      sha256: file.sha256,
      createdAt: file.createdAt,
    })
    .execute();
}
