/**
 * The report data port ({@link ReportDataSource}) on Kysely storage, one codebase for SQLite and
 * PostgreSQL. Every answer carries the statements that produced it (see ./trace.ts); each method checks
 * its period and bucket size first and answers VALIDATION_FAILED naming the bad field.
 */
import type { Kysely } from 'kysely';
import type {
  AlertSummary,
  CaseSummary,
  EventBrief,
  EventDossier,
  ItemBrief,
  ItemSelection,
  ItemTotals,
  NamedCount,
  ReportDataSource,
  ReportQuery,
  Traced,
  VolumeBucket,
  WorkFigures,
} from '../../domain/report-data.js';
import type { Database } from '../schema.js';
import { alertSummary } from './alerts.js';
import { appealSummary, incidentSummary } from './cases.js';
import { checkPeriod } from './checks.js';
import { eventDossier } from './dossier.js';
import { topEvents } from './events.js';
import { itemsByCategory, itemsByPlatform, itemsByRegion, itemTotals, volumeSeries } from './items.js';
import { topItems } from './top-items.js';
import { workFigures } from './work.js';

/** Report data read through Kysely. */
export class KyselyReportDataSource implements ReportDataSource {
  constructor(private readonly db: Kysely<Database>) {}

  async itemTotals(query: ReportQuery): Promise<Traced<ItemTotals>> {
    checkPeriod(query);
    return await itemTotals(this.db, query);
  }

  async itemsByPlatform(query: ReportQuery): Promise<Traced<NamedCount[]>> {
    checkPeriod(query);
    return await itemsByPlatform(this.db, query);
  }

  async itemsByRegion(
    query: ReportQuery,
    level: 'province' | 'city' | 'county',
  ): Promise<Traced<NamedCount[]>> {
    checkPeriod(query);
    return await itemsByRegion(this.db, query, level);
  }

  async itemsByCategory(query: ReportQuery): Promise<Traced<NamedCount[]>> {
    checkPeriod(query);
    return await itemsByCategory(this.db, query);
  }

  async volumeSeries(query: ReportQuery, bucketMs: number): Promise<Traced<VolumeBucket[]>> {
    checkPeriod(query);
    return await volumeSeries(this.db, query, bucketMs);
  }

  async topItems(
    query: ReportQuery,
    selection: ItemSelection,
    limit: number,
  ): Promise<Traced<{ count: number; items: ItemBrief[] }>> {
    checkPeriod(query);
    return await topItems(this.db, query, selection, limit);
  }

  async topEvents(query: ReportQuery, limit: number): Promise<Traced<EventBrief[]>> {
    checkPeriod(query);
    return await topEvents(this.db, query, limit);
  }

  async alerts(query: ReportQuery): Promise<Traced<AlertSummary>> {
    checkPeriod(query);
    return await alertSummary(this.db, query);
  }

  async incidents(query: ReportQuery): Promise<Traced<CaseSummary>> {
    checkPeriod(query);
    return await incidentSummary(this.db, query);
  }

  async appeals(query: ReportQuery): Promise<Traced<CaseSummary>> {
    checkPeriod(query);
    return await appealSummary(this.db, query);
  }

  async eventDossier(
    unitIds: readonly string[] | null,
    eventId: string,
    bucketMs: number,
  ): Promise<Traced<EventDossier> | null> {
    return await eventDossier(this.db, unitIds, eventId, bucketMs);
  }

  async workFigures(query: ReportQuery): Promise<Traced<WorkFigures>> {
    checkPeriod(query);
    return await workFigures(this.db, query);
  }
}
