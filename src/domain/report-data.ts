/**
 * The data a report is built from (issue 7) and the port that reads it. Every answer is {@link Traced}: it
 * carries the query that produced it, so the builders can attach that query to every figure they print.
 * The storage layer implements {@link ReportDataSource}; builders are pure functions of {@link ReportData}.
 */
import type { AlertLevel, AlertStatus } from './alerts.js';
import type { AppealState } from './cases-appeals.js';
import type { IncidentState } from './cases-incidents.js';
import type { EpochMs, MediaTier, SentimentLabel } from './entities.js';
import type { EventStage, SentimentMix } from './events.js';
import type { FigureTrace } from './report-document.js';

/** A value and the queries behind it: one trace per statement the storage ran, in order. */
export interface Traced<T> {
  value: T;
  trace: FigureTrace[];
}

/** The units and period a report reads, `from` inclusive and `to` exclusive (items by `published_at`). */
export interface ReportQuery {
  /** null: every unit (system jobs only). */
  unitIds: readonly string[] | null;
  from: EpochMs;
  to: EpochMs;
}

/** Item counts by sentiment; `unlabelled` counts items not analysed yet. */
export interface ItemTotals {
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  unlabelled: number;
}

/** A count under a name (a platform, a region, a category key, an author). */
export interface NamedCount {
  name: string;
  count: number;
  /** Negative items among them, where the query knows it. */
  negative?: number;
}

/** One bucket of a volume series. */
export interface VolumeBucket {
  from: EpochMs;
  total: number;
  negative: number;
}

/** Enough of an item to quote it in a report. */
export interface ItemBrief {
  id: string;
  title: string | null;
  /** The first 120 characters of the content, whitespace collapsed. */
  excerpt: string;
  platform: string | null;
  author: string | null;
  url: string | null;
  publishedAt: EpochMs;
  sentiment: SentimentLabel | null;
  categories: string[];
  /** likes + comments + reposts. */
  engagement: number;
  /** The tier of the item's source or key account, when known. */
  tier: MediaTier | null;
}

/** Which items {@link ReportDataSource.topItems} lists. */
export interface ItemSelection {
  sentiment?: SentimentLabel;
  /** Items tagged with at least one of these category keys. */
  categories?: readonly string[];
}

/** An event as a report ranks it within a period. */
export interface EventBrief {
  id: string;
  title: string;
  keywords: string[];
  firstPublishedAt: EpochMs;
  lastPublishedAt: EpochMs;
  /** Items of the event published in the period. */
  itemsInPeriod: number;
  negativeInPeriod: number;
  /** All items of the event. */
  itemCount: number;
  heat: number | null;
  stage: EventStage;
  platforms: string[];
  sentiment: SentimentMix;
  /** Up to three representative items, most central first. */
  representatives: ItemBrief[];
}

/** Alerts raised in a period. */
export interface AlertSummary {
  raised: number;
  byLevel: Record<AlertLevel, number>;
  /** Status now of the alerts raised in the period. */
  byStatus: Record<AlertStatus, number>;
  /** The alerts raised, most severe then newest first, at most 20. */
  list: {
    id: string;
    level: AlertLevel;
    title: string;
    raisedAt: EpochMs;
    status: AlertStatus;
  }[];
}

/** One open case (incident or appeal) with its nearest open deadline. */
export interface OpenCaseBrief {
  id: string;
  title: string;
  state: IncidentState | AppealState;
  openedAt: EpochMs;
  /** The nearest open deadline, if any. */
  dueAt: EpochMs | null;
  overdue: boolean;
}

/** Incidents or appeals in a period and those still open at its end. */
export interface CaseSummary {
  openedInPeriod: number;
  closedInPeriod: number;
  /** Open at the end of the period. */
  inProgress: number;
  /** Open with a deadline passed at the end of the period. */
  overdue: number;
  /** Open cases, overdue first, at most 20. */
  list: OpenCaseBrief[];
}

/** The event of a special report, with what the report says about its spread. */
export interface EventDossier {
  event: EventBrief;
  /** The first item (首发). */
  origin: ItemBrief | null;
  /** Authors with the most items or engagement in the event (key spreaders), most first, at most 10. */
  spreaders: {
    name: string;
    platform: string | null;
    tier: MediaTier | null;
    items: number;
    engagement: number;
  }[];
  platformMix: NamedCount[];
  /** Items per hour (or per day for long events) of the event. */
  volume: VolumeBucket[];
  /** Representative items of officials (government tier), media (central/provincial/local) and the public. */
  voices: { official: ItemBrief[]; media: ItemBrief[]; public: ItemBrief[] };
  /** Item counts of those three voices. */
  voiceCounts: { official: number; media: number; public: number };
}

/** Figures of the work summary (工作总结) beyond the items: from the case records. */
export interface WorkFigures {
  sourcesMonitored: number;
  schemesActive: number;
  eventsTracked: number;
  alerts: { raised: number; byLevel: Record<AlertLevel, number> };
  incidents: { opened: number; closed: number; byLevel: Record<AlertLevel, number> };
  responses: { published: number };
  bulletins: { submitted: number; adopted: number; instructed: number };
  appeals: { received: number; replied: number; onTime: number };
  clues: { transferred: number; filed: number; withOutcome: number };
  publications: { published: number };
}

/** Reads what reports need. Every method answers for the units and period of its query. */
export interface ReportDataSource {
  /** Items published in the period by sentiment. */
  itemTotals(query: ReportQuery): Promise<Traced<ItemTotals>>;
  /** Items by platform (the item's, else its source's kind), most first. */
  itemsByPlatform(query: ReportQuery): Promise<Traced<NamedCount[]>>;
  /** Items by the region they concern, at one level (official full names), most first. */
  itemsByRegion(query: ReportQuery, level: 'province' | 'city' | 'county'): Promise<Traced<NamedCount[]>>;
  /** Items by topic category key, most first. */
  itemsByCategory(query: ReportQuery): Promise<Traced<NamedCount[]>>;
  /** Items per bucket of `bucketMs` starting at `query.from`, every bucket present (zeros included). */
  volumeSeries(query: ReportQuery, bucketMs: number): Promise<Traced<VolumeBucket[]>>;
  /** The count and the most engaged items of a selection. */
  topItems(
    query: ReportQuery,
    selection: ItemSelection,
    limit: number,
  ): Promise<Traced<{ count: number; items: ItemBrief[] }>>;
  /** Events with items in the period, by items in the period, most first. */
  topEvents(query: ReportQuery, limit: number): Promise<Traced<EventBrief[]>>;
  /** Alerts raised in the period. */
  alerts(query: ReportQuery): Promise<Traced<AlertSummary>>;
  /** Incidents opened and closed in the period and open at its end. */
  incidents(query: ReportQuery): Promise<Traced<CaseSummary>>;
  /** Appeals received and replied in the period and open at its end. */
  appeals(query: ReportQuery): Promise<Traced<CaseSummary>>;
  /** One event's dossier for a special report; null when the event is not in the units. */
  eventDossier(
    unitIds: readonly string[] | null,
    eventId: string,
    bucketMs: number,
  ): Promise<Traced<EventDossier> | null>;
  /** The work-summary figures of the period. */
  workFigures(query: ReportQuery): Promise<Traced<WorkFigures>>;
}

/** What a periodic report (daily, weekly, monthly) was built from. */
export interface PeriodicReportData {
  type: 'daily' | 'weekly' | 'monthly';
  query: ReportQuery;
  /** The period before, for the change figures. */
  previousQuery: ReportQuery;
  totals: Traced<ItemTotals>;
  previousTotals: Traced<ItemTotals>;
  platforms: Traced<NamedCount[]>;
  regions: Traced<NamedCount[]>;
  categories: Traced<NamedCount[]>;
  previousCategories: Traced<NamedCount[]>;
  volume: Traced<VolumeBucket[]>;
  bucketMs: number;
  negative: Traced<{ count: number; items: ItemBrief[] }>;
  sensitive: Traced<{ count: number; items: ItemBrief[] }>;
  /** The category keys counted as sensitive. */
  sensitiveCategories: string[];
  events: Traced<EventBrief[]>;
  alerts: Traced<AlertSummary>;
  incidents: Traced<CaseSummary>;
  appeals: Traced<CaseSummary>;
}

/** What a special report (专报) was built from. */
export interface SpecialReportData {
  type: 'special';
  dossier: Traced<EventDossier>;
}

/** What a work summary (工作总结) was built from. */
export interface WorkSummaryData {
  type: 'work_summary';
  query: ReportQuery;
  totals: Traced<ItemTotals>;
  events: Traced<EventBrief[]>;
  figures: Traced<WorkFigures>;
  /** Reports issued in the period (from the reports table). */
  issuedReports: Traced<number>;
}

/** The data snapshot stored with a report. */
export type ReportData = PeriodicReportData | SpecialReportData | WorkSummaryData;
