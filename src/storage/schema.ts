/**
 * The database schema as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case columns).
 * Times are epoch milliseconds; booleans are 0/1 integers and JSON is text, so both engines agree.
 */
import type { Generated } from 'kysely';
import type { CaseTimelineTable } from './case-timeline/tables.js';
import type { CaseDeadlinesTable } from './case-deadlines/tables.js';
import type {
  PublicationSettingsTable,
  PublicationsTable,
  PublicationVersionsTable,
} from './publications/tables.js';
import type {
  BulletinAdoptionsTable,
  BulletinInstructionsTable,
  BulletinSettingsTable,
  BulletinsTable,
} from './bulletins/tables.js';
import type {
  IncidentDeadlineRulesTable,
  IncidentItemsTable,
  IncidentNotificationsTable,
  IncidentResponsesTable,
  IncidentResponseVersionsTable,
  IncidentsTable,
  IncidentTransfersTable,
} from './incidents/tables.js';
import type { CluesTable } from './clues/tables.js';
import type { AppealDepartmentsTable, AppealsTable } from './appeals/tables.js';
import type { EvidenceBlobsTable, EvidenceTable } from './evidence/tables.js';
import type { PlanActivationsTable, PlansTable, PlanTasksTable, PlanVersionsTable } from './plans/tables.js';
import type { WorkCalendarsTable } from './work-calendars/tables.js';
import type { DutyHandoversTable, KeyPeriodDutyTable } from './duty-notes/tables.js';
import type { EventHistoryTable, EventItemsTable, EventsTable } from './events/tables.js';
import type {
  AlertHistoryTable,
  AlertRulesTable,
  AlertRuleVersionsTable,
  AlertsTable,
} from './alerts/tables.js';
import type { AlertContactsTable, ChannelsTable, DutyRosterTable } from './channels/tables.js';
import type { AlertDeliveriesTable } from './deliveries/tables.js';
import type { KeyAccountsTable } from './key-accounts/tables.js';
import type { SchemeHitsTable } from './scheme-hits/tables.js';
import type {
  ReportDeliveriesTable,
  ReportFilesTable,
  ReportSchedulesTable,
  ReportSettingsTable,
  ReportsTable,
} from './reports/tables.js';

/** `units` — the unit tree. */
export interface UnitsTable {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  path: string;
  createdAt: number;
  updatedAt: number;
}

/** `roles` — the role catalogue (seeded by the first migration). */
export interface RolesTable {
  key: string;
  nameZh: string;
  nameEn: string;
}

/** `users`. */
export interface UsersTable {
  id: string;
  unitId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  disabled: number;
  createdAt: number;
  updatedAt: number;
  lastLoginAt: number | null;
}

/** `user_roles` — which roles a user holds. */
export interface UserRolesTable {
  userId: string;
  role: string;
}

/** `api_tokens` — only the SHA-256 of the secret is stored. */
export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** `sessions` — console sessions; only the SHA-256 of the cookie secret is stored. */
export interface SessionsTable {
  id: string;
  userId: string;
  tokenHash: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
  ip: string | null;
  userAgent: string | null;
}

/** `sources`. `config` is JSON text. */
export interface SourcesTable {
  id: string;
  unitId: string;
  name: string;
  kind: string;
  url: string | null;
  platform: string | null;
  tier: string | null;
  region: string | null;
  intervalSeconds: number;
  enabled: number;
  config: string;
  createdAt: number;
  updatedAt: number;
  /** Collection bookkeeping (migration 0002); times are epoch ms, null = never / due now. */
  nextFetchAt: number | null;
  consecutiveErrors: number;
  lastFetchAt: number | null;
  lastSuccessAt: number | null;
  lastNewItemAt: number | null;
  lastError: string | null;
  lastErrorCode: string | null;
  lastErrorAt: number | null;
  expectedPeriodSeconds: number | null;
  minIntervalSeconds: number | null;
  maxIntervalSeconds: number | null;
  host: string | null;
  timeZone: string | null;
  /** The source kind's state between fetches (JSON text). */
  state: string;
  ignoreRobots: number;
  /** SHA-256 of the push token; unique when set. */
  ingestTokenHash: string | null;
  health: string;
}

/**
 * `items`. `seq` is the integer row key (SQLite rowid alias / PostgreSQL identity) that the full-text
 * index and keyset pagination use; `id` is the public id. `tokens` holds the jieba-segmented,
 * space-joined normalised title and content that the search index covers.
 */
export interface ItemsTable {
  seq: Generated<number>;
  id: string;
  unitId: string;
  sourceId: string | null;
  kind: string;
  platform: string | null;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  content: string;
  normalizedText: string;
  tokens: string;
  author: string | null;
  parentId: string | null;
  sourceRegion: string | null;
  ipRegion: string | null;
  language: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  categories: string;
  regions: string;
  appeal: number | null;
  keywords: string;
  simhash: string | null;
  emotion: string | null;
  emotionScore: number | null;
  appealDepartment: string | null;
  dupOf: string | null;
  simhashBand0: number | null;
  simhashBand1: number | null;
  simhashBand2: number | null;
  simhashBand3: number | null;
  contentHash: string;
  likes: number;
  comments: number;
  reposts: number;
  views: number;
  publishedAt: number;
  collectedAt: number;
  analysedAt: number | null;
  /** When scheme hits, events and alert rules last looked at the item (migration 0008). */
  evaluatedAt: Generated<number | null>;
  createdAt: number;
  /** Dedup and thread columns (migration 0002). `images` is a JSON list of URLs. */
  externalId: string | null;
  replyToId: string | null;
  images: string;
  updatedAt: number | null;
  version: number;
}

/** `schemes` — monitoring schemes. `words` is JSON text or null. */
export interface SchemesTable {
  id: string;
  unitId: string;
  name: string;
  description: string | null;
  expression: string;
  words: string | null;
  target: string;
  enabled: number;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** `audit_log`. `detail` is JSON text. */
export interface AuditLogTable {
  id: string;
  at: number;
  actorUserId: string | null;
  unitId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: string;
}

/** `item_versions` — earlier texts of an edited item. */
export interface ItemVersionsTable {
  id: string;
  itemId: string;
  version: number;
  title: string | null;
  content: string;
  contentHash: string;
  recordedAt: number;
}

/** `item_tombstones` — dedup keys of deleted or merged items, which collection must not store again. */
export interface ItemTombstonesTable {
  id: string;
  sourceId: string | null;
  keyType: string;
  key: string;
  itemId: string;
  reason: string;
  createdAt: number;
}

/** `fetch_runs` — one row per fetch of a source. `detail` is JSON text. */
export interface FetchRunsTable {
  id: string;
  sourceId: string;
  startedAt: number;
  finishedAt: number;
  outcome: string;
  found: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  errorCode: string | null;
  errorMessage: string | null;
  httpStatus: number | null;
  durationMs: number;
  detail: string;
}

/** `hot_topics` — a hot-list topic of one source, keyed by its normalised title. */
export interface HotTopicsTable {
  id: string;
  sourceId: string;
  key: string;
  title: string;
  url: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
  lastRank: number;
  peakRank: number;
  lastHeat: number | null;
  peakHeat: number | null;
  sightings: number;
}

/** `hot_sightings` — the rank of a topic at each fetch of its list. */
export interface HotSightingsTable {
  topicId: string;
  at: number;
  rank: number;
  heat: number | null;
}

/** `key_periods` (重要时段). `unitIds` and `sourceIds` are JSON lists. */
export interface KeyPeriodsTable {
  id: string;
  unitId: string;
  name: string;
  startsAt: number;
  endsAt: number;
  multiplier: number;
  unitIds: string;
  sourceIds: string;
  createdAt: number;
}

/** `source_health_events` — health changes of sources, read by alerts. */
export interface SourceHealthEventsTable {
  id: string;
  sourceId: string;
  unitId: string;
  state: string;
  detail: string;
  at: number;
}

/** `sentiment_corrections`: staff corrections of an item's sentiment, input of the next training run. */
export interface SentimentCorrectionsTable {
  id: string;
  itemId: string;
  unitId: string;
  previous: string | null;
  label: string;
  correctedBy: string | null;
  createdAt: number;
}

/** Every table of the schema. Later issues extend this by migration. */
export interface Database {
  events: EventsTable;
  eventItems: EventItemsTable;
  eventHistory: EventHistoryTable;
  units: UnitsTable;
  roles: RolesTable;
  users: UsersTable;
  userRoles: UserRolesTable;
  apiTokens: ApiTokensTable;
  sessions: SessionsTable;
  sources: SourcesTable;
  items: ItemsTable;
  schemes: SchemesTable;
  auditLog: AuditLogTable;
  itemVersions: ItemVersionsTable;
  itemTombstones: ItemTombstonesTable;
  fetchRuns: FetchRunsTable;
  hotTopics: HotTopicsTable;
  hotSightings: HotSightingsTable;
  keyPeriods: KeyPeriodsTable;
  caseTimeline: CaseTimelineTable;
  caseDeadlines: CaseDeadlinesTable;
  publications: PublicationsTable;
  publicationVersions: PublicationVersionsTable;
  publicationSettings: PublicationSettingsTable;
  bulletins: BulletinsTable;
  bulletinAdoptions: BulletinAdoptionsTable;
  bulletinInstructions: BulletinInstructionsTable;
  bulletinSettings: BulletinSettingsTable;
  clues: CluesTable;
  appealDepartments: AppealDepartmentsTable;
  appeals: AppealsTable;
  evidence: EvidenceTable;
  evidenceBlobs: EvidenceBlobsTable;
  plans: PlansTable;
  planVersions: PlanVersionsTable;
  planActivations: PlanActivationsTable;
  planTasks: PlanTasksTable;
  workCalendars: WorkCalendarsTable;
  dutyHandovers: DutyHandoversTable;
  keyPeriodDuty: KeyPeriodDutyTable;
  sourceHealthEvents: SourceHealthEventsTable;
  sentimentCorrections: SentimentCorrectionsTable;
  keyAccounts: KeyAccountsTable;
  schemeHits: SchemeHitsTable;
  channels: ChannelsTable;
  dutyRoster: DutyRosterTable;
  alertContacts: AlertContactsTable;
  alertDeliveries: AlertDeliveriesTable;
  alertRules: AlertRulesTable;
  alertRuleVersions: AlertRuleVersionsTable;
  alerts: AlertsTable;
  alertHistory: AlertHistoryTable;
  incidents: IncidentsTable;
  incidentItems: IncidentItemsTable;
  incidentTransfers: IncidentTransfersTable;
  incidentNotifications: IncidentNotificationsTable;
  incidentResponses: IncidentResponsesTable;
  incidentResponseVersions: IncidentResponseVersionsTable;
  incidentDeadlineRules: IncidentDeadlineRulesTable;
  reports: ReportsTable;
  reportFiles: ReportFilesTable;
  reportSchedules: ReportSchedulesTable;
  reportDeliveries: ReportDeliveriesTable;
  reportSettings: ReportSettingsTable;
}
