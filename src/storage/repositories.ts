/**
 * The repository interfaces: what the rest of Fengxiang may ask of storage. One Kysely implementation
 * serves SQLite and PostgreSQL. Reads that return records of several units take a {@link Scope}, so that
 * the permission rule (a user sees their unit and the units below) is part of the query itself.
 */
import type {
  ApiToken,
  AuditEntry,
  Engagement,
  Item,
  ItemAnalysis,
  ItemKind,
  MediaTier,
  Role,
  Scheme,
  SchemeTarget,
  SchemeWords,
  SentimentLabel,
  Session,
  Source,
  SourceKind,
  Unit,
  User,
} from '../domain/index.js';
import type { SearchNode } from '../analysis/expression/search-tree.js';
import type { ReportDataSource } from '../domain/report-data.js';
import type { KeywordCountSource } from './report-data/keywords.js';
import type { EventRepository } from './events/types.js';
import type {
  ExistingItemKey,
  FetchRunRepository,
  HotTopicRepository,
  ItemContentPatch,
  ItemDedupKeys,
  ItemVersion,
  KeyPeriodRepository,
  SourceFetchUpdate,
  SourceHealthEventRepository,
  TombstoneKey,
  TombstoneReason,
} from './collection-repositories.js';

export type * from './collection-repositories.js';
export type * from './case-timeline/types.js';
import type { CaseTimelineRepository } from './case-timeline/types.js';
export type * from './case-deadlines/types.js';
import type { CaseDeadlineRepository } from './case-deadlines/types.js';
export type * from './publications/types.js';
import type { PublicationRepository } from './publications/types.js';
export type * from './bulletins/types.js';
import type { BulletinRepository } from './bulletins/types.js';
export type * from './incidents/types.js';
import type {
  IncidentDeadlineRuleRepository,
  IncidentRepository,
  IncidentResponseRepository,
} from './incidents/types.js';
export type * from './clues/types.js';
import type { ClueRepository } from './clues/types.js';
export type * from './appeals/types.js';
import type { AppealDepartmentRepository, AppealRepository } from './appeals/types.js';
export type * from './evidence/types.js';
import type { EvidenceRepository } from './evidence/types.js';
export type * from './plans/types.js';
import type { PlanRepository } from './plans/types.js';
export type * from './work-calendars/types.js';
import type { WorkCalendarRepository } from './work-calendars/types.js';
export type * from './duty-notes/types.js';
import type { DutyNoteRepository } from './duty-notes/types.js';
export type * from './events/types.js';
export type * from './retention/types.js';
export type * from './locks/types.js';
import type { LockRepository } from './locks/types.js';
import type { RetentionRepository } from './retention/types.js';
export type * from './channels/types.js';
export type * from './deliveries/types.js';
export type * from './alerts/types.js';
import type { ChannelRepository } from './channels/types.js';
import type { DeliveryRepository } from './deliveries/types.js';
import type { AlertRepository, AlertRuleRepository } from './alerts/types.js';
export type * from './key-accounts/types.js';
export type * from './scheme-hits/types.js';
export type * from './completeness/types.js';
import type { KeyAccountRepository } from './key-accounts/types.js';
import type { SchemeHitRepository } from './scheme-hits/types.js';
import type { CompletenessRepository } from './completeness/types.js';
export type * from './reports/types.js';
import type {
  ReportDeliveryRepository,
  ReportRepository,
  ReportScheduleRepository,
  ReportSettingsRepository,
} from './reports/types.js';

/** The units whose records a caller may see. `null` means every unit (system jobs only). */
export interface Scope {
  unitIds: readonly string[] | null;
}

/** A page of results and the opaque cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset paging request: at most `limit` rows after `cursor`. */
export interface PageRequest {
  limit: number;
  cursor?: string | null;
}

/** Units (the tree). */
export interface UnitRepository {
  create(input: { name: string; parentId: string | null; code?: string | null }): Promise<Unit>;
  get(id: string, scope?: Scope): Promise<Unit | null>;
  /** Units in scope ordered by path (parents before children). */
  list(scope: Scope): Promise<Unit[]>;
  /** The unit and all below it, as ids. */
  subtreeIds(id: string): Promise<string[]>;
  /** Renames or moves a unit; moving rewrites the paths of its subtree. UNIT_CYCLE when moved below itself. */
  update(id: string, patch: { name?: string; code?: string | null; parentId?: string | null }): Promise<Unit>;
  /** Deletes a unit without children or users; UNIT_HAS_CHILDREN otherwise. */
  delete(id: string): Promise<void>;
}

/** A user with the stored password hash (never leaves the auth service). */
export interface UserWithSecret {
  user: User;
  passwordHash: string;
}

/** Users and their roles. */
export interface UserRepository {
  create(input: {
    unitId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    roles: Role[];
  }): Promise<User>;
  get(id: string, scope?: Scope): Promise<User | null>;
  getWithSecretByUsername(username: string): Promise<UserWithSecret | null>;
  list(scope: Scope, page: PageRequest): Promise<Page<User>>;
  update(
    id: string,
    patch: { displayName?: string; roles?: Role[]; disabled?: boolean; unitId?: string },
  ): Promise<User>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  recordLogin(id: string, at: number): Promise<void>;
  /** How many users exist (the first-run check for `admin create`). */
  count(): Promise<number>;
}

/** API tokens. */
export interface TokenRepository {
  create(input: {
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    expiresAt: number | null;
  }): Promise<ApiToken>;
  /** The token with this hash if it is neither revoked nor expired at `now`. */
  findActive(tokenHash: string, now: number): Promise<ApiToken | null>;
  get(id: string): Promise<ApiToken | null>;
  listByUser(userId: string): Promise<ApiToken[]>;
  revoke(id: string, at: number): Promise<void>;
  touch(id: string, at: number): Promise<void>;
}

/** Console sessions. */
export interface SessionRepository {
  create(input: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    expiresAt: number;
    ip: string | null;
    userAgent: string | null;
  }): Promise<Session>;
  findActive(tokenHash: string, now: number): Promise<Session | null>;
  get(id: string): Promise<Session | null>;
  listByUser(userId: string): Promise<Session[]>;
  touch(id: string, at: number, expiresAt: number): Promise<void>;
  revoke(id: string, at: number): Promise<void>;
  revokeAllForUser(userId: string, at: number): Promise<number>;
  /** Deletes sessions that expired or were revoked before `before`. */
  purge(before: number): Promise<number>;
}

/** The fields of a new or changed source. */
export interface SourceInput {
  unitId: string;
  name: string;
  kind: SourceKind;
  url?: string | null;
  platform?: string | null;
  tier?: MediaTier | null;
  region?: string | null;
  intervalSeconds?: number;
  enabled?: boolean;
  config?: Record<string, unknown>;
  /** IANA zone for zone-less dates; null means the default (Asia/Shanghai). */
  timeZone?: string | null;
  expectedPeriodSeconds?: number | null;
  minIntervalSeconds?: number | null;
  maxIntervalSeconds?: number | null;
  ignoreRobots?: boolean;
}

/** Sources. */
export interface SourceRepository {
  create(input: SourceInput): Promise<Source>;
  get(id: string, scope?: Scope): Promise<Source | null>;
  list(
    scope: Scope,
    filter: { kind?: SourceKind; enabled?: boolean },
    page: PageRequest,
  ): Promise<Page<Source>>;
  update(id: string, patch: Partial<Omit<SourceInput, 'unitId'>>): Promise<Source>;
  delete(id: string): Promise<void>;
  /** Enabled sources fetched on a schedule (not import/push) due at `now`, longest due first. */
  listDue(now: number, limit: number): Promise<Source[]>;
  /** Records the end of one fetch: counters, times, last error, kind state, health and next due time. */
  recordFetch(id: string, update: SourceFetchUpdate): Promise<Source>;
  setNextFetch(id: string, at: number | null): Promise<void>;
  /** Sets or clears the SHA-256 of the source's push token; CONFLICT when another source has it. */
  setIngestToken(id: string, tokenHash: string | null): Promise<void>;
  findByIngestToken(tokenHash: string): Promise<Source | null>;
}

/** A new item as collection hands it to storage; analysis fields may already be filled. */
export interface NewItem extends Partial<ItemAnalysis> {
  id?: string;
  unitId: string;
  sourceId?: string | null;
  kind: ItemKind;
  platform?: string | null;
  url?: string | null;
  canonicalUrl?: string | null;
  title?: string | null;
  content: string;
  normalizedText?: string;
  /** Segmented, space-joined search tokens; empty means "not indexed yet". */
  tokens?: string;
  author?: string | null;
  parentId?: string | null;
  sourceRegion?: string | null;
  ipRegion?: string | null;
  contentHash: string;
  engagement?: Partial<Engagement>;
  publishedAt: number;
  collectedAt: number;
  /** The platform's own id; unique per source. */
  externalId?: string | null;
  /** The item this comment replies to. */
  replyToId?: string | null;
  images?: string[];
  /** The original this item was matched to as a near-duplicate. */
  dupOf?: string | null;
  /** Set when the analysis fields were filled before storing. */
  analysedAt?: number | null;
}

/** A stored item as the near-duplicate check sees it. */
export interface NearDuplicateCandidate {
  id: string;
  simhash: string | null;
  publishedAt: number;
  /** Its own original, when it is itself a copy (a copy of a copy links to the first original). */
  dupOf: string | null;
}

/** Filters of an item search; every one is optional and they combine with AND. */
export interface ItemFilters {
  from?: number;
  to?: number;
  sourceIds?: string[];
  kinds?: ItemKind[];
  platforms?: string[];
  sentiments?: SentimentLabel[];
  /** Items tagged with any of these category keys. */
  categories?: string[];
  /** Items whose regions include any of these provinces (official full names). */
  provinces?: string[];
  appeal?: boolean;
  languages?: string[];
  parentId?: string;
  /** Only the near-duplicates (reposts, copies) of this item. */
  dupOf?: string;
  /** true: only originals (no parent); false: only comments/reposts. */
  originalsOnly?: boolean;
  /** true: only distinct voices (not near-duplicates of another item); false: only the copies. */
  distinctOnly?: boolean;
  analysed?: boolean;
}

/** An item search: full-text match (already segmented), filters, order and a keyset page. */
export interface ItemSearch {
  scope: Scope;
  match: SearchNode | null;
  filters: ItemFilters;
  sort: 'time' | 'relevance';
  page: PageRequest;
}

/** What one run of item partition maintenance did. */
export interface ItemPartitionReport {
  /** Partitions created, by name. */
  created: string[];
  /** Rows moved out of the DEFAULT partition into partitions of their months. */
  moved: number;
}

/** Monthly item partitions on PostgreSQL (storage/partitions); SQLite has none and reports nothing done. */
export interface ItemPartitionMaintenance {
  /** Creates the partitions of the month of `now` and the months ahead, and empties the DEFAULT partition. */
  maintain(now: number): Promise<ItemPartitionReport>;
}

/** Items. */
export interface ItemRepository {
  /**
   * Inserts items in one transaction and returns their ids in input order. CONFLICT when an item repeats
   * the platform id or canonical URL of a stored item of the same source.
   */
  insertMany(items: NewItem[]): Promise<string[]>;
  get(id: string, scope?: Scope): Promise<Item | null>;
  /** The items with these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<Item[]>;
  /** Records that evaluation (scheme hits, events, alert rules) has looked at these items. */
  markEvaluated(ids: readonly string[], at: number): Promise<void>;
  /**
   * Those of `ids` that evaluation has not looked at yet (new, or edited since): what a repeated or
   * overlapping evaluation job still has to do.
   */
  unevaluated(ids: readonly string[]): Promise<string[]>;
  /** Ids of items collected in [from, to) that evaluation has not looked at, oldest first. */
  listUnevaluated(from: number, to: number, limit: number): Promise<string[]>;
  search(query: ItemSearch): Promise<Page<Item>>;
  /** Stores the analysis of an item and its search tokens. */
  saveAnalysis(
    id: string,
    analysis: ItemAnalysis & { normalizedText: string; tokens: string; analysedAt: number },
  ): Promise<void>;
  count(scope: Scope): Promise<number>;
  /** Stored items of the source (null: items without one) matching any key, one query per key kind. */
  findExisting(sourceId: string | null, keys: ItemDedupKeys): Promise<ExistingItemKey[]>;
  /** Tombstoned keys of the source matching any key. */
  findTombstones(sourceId: string | null, keys: ItemDedupKeys): Promise<TombstoneKey[]>;
  /** Replaces the text of an edited item, keeping the previous text as a version; resets the analysis. */
  updateContent(id: string, patch: ItemContentPatch): Promise<void>;
  /** Earlier texts of an item, oldest first. */
  listVersions(itemId: string): Promise<ItemVersion[]>;
  /** Writes the given engagement counters. */
  updateEngagement(id: string, engagement: Partial<Engagement>): Promise<void>;
  /** Item ids of the source by platform id (external id → item id). */
  idsByExternalId(sourceId: string, externalIds: readonly string[]): Promise<Map<string, string>>;
  /** Item ids by canonical URL across sources, the oldest item for a URL (URL → item id). */
  idsByCanonicalUrl(canonicalUrls: readonly string[]): Promise<Map<string, string>>;
  /** Items of the unit published since `since` that share a SimHash band with `simhash` (newest first, capped). */
  nearDuplicateCandidates(unitId: string, simhash: string, since: number): Promise<NearDuplicateCandidate[]>;
  /** Title and text of items by id (for the full near-duplicate comparison of the few close candidates). */
  textsOf(ids: readonly string[]): Promise<Map<string, { title: string | null; content: string }>>;
  /** Deletes an item and tombstones its keys so collection never stores it again. */
  delete(id: string, reason: TombstoneReason): Promise<void>;
  /** Deletes a duplicate, moves its comments to `keepId` and tombstones its keys (pointing at `keepId`). */
  mergeInto(duplicateId: string, keepId: string): Promise<void>;
}

/** The fields of a new or changed scheme. */
export interface SchemeInput {
  unitId: string;
  name: string;
  description?: string | null;
  expression: string;
  words?: SchemeWords | null;
  target?: SchemeTarget;
  enabled?: boolean;
  createdBy?: string | null;
}

/** Monitoring schemes. */
export interface SchemeRepository {
  create(input: SchemeInput): Promise<Scheme>;
  get(id: string, scope?: Scope): Promise<Scheme | null>;
  list(scope: Scope, filter: { enabled?: boolean }, page: PageRequest): Promise<Page<Scheme>>;
  update(id: string, patch: Partial<Omit<SchemeInput, 'unitId' | 'createdBy'>>): Promise<Scheme>;
  delete(id: string): Promise<void>;
}

/** Filters of an audit query. */
export interface AuditFilter {
  actorUserId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: number;
  to?: number;
}

/** The append-only audit log. */
export interface AuditRepository {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Newest first; entries without a unit are visible only to an unrestricted scope. */
  list(scope: Scope, filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>>;
}

/** A staff correction of an item's sentiment. */
export interface SentimentCorrection {
  id: string;
  itemId: string;
  unitId: string;
  previous: string | null;
  label: SentimentLabel;
  correctedBy: string | null;
  createdAt: number;
}

/** Staff corrections of sentiment (training input of the next model). */
export interface SentimentCorrectionRepository {
  /** Records a correction and sets the item's label (score 1: a person decided). NOT_FOUND for a missing item. */
  correct(input: {
    itemId: string;
    label: SentimentLabel;
    correctedBy: string | null;
  }): Promise<SentimentCorrection>;
  /** Corrections since `since`, oldest first, with the item's text. */
  exportSince(
    since: number,
  ): Promise<{ correction: SentimentCorrection; title: string | null; content: string }[]>;
}

/** Every repository over one open database, plus transactions and lifecycle. */
export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  readonly units: UnitRepository;
  readonly users: UserRepository;
  readonly tokens: TokenRepository;
  readonly sessions: SessionRepository;
  readonly sources: SourceRepository;
  readonly items: ItemRepository;
  readonly schemes: SchemeRepository;
  readonly audit: AuditRepository;
  readonly fetchRuns: FetchRunRepository;
  readonly hotTopics: HotTopicRepository;
  readonly keyPeriods: KeyPeriodRepository;
  readonly events: EventRepository;
  readonly sourceHealthEvents: SourceHealthEventRepository;
  readonly sentimentCorrections: SentimentCorrectionRepository;
  readonly keyAccounts: KeyAccountRepository;
  readonly schemeHits: SchemeHitRepository;
  readonly completeness: CompletenessRepository;
  readonly channels: ChannelRepository;
  readonly deliveries: DeliveryRepository;
  readonly alertRules: AlertRuleRepository;
  readonly alerts: AlertRepository;
  readonly caseTimeline: CaseTimelineRepository;
  readonly caseDeadlines: CaseDeadlineRepository;
  readonly publications: PublicationRepository;
  readonly bulletins: BulletinRepository;
  readonly incidents: IncidentRepository;
  readonly incidentResponses: IncidentResponseRepository;
  readonly incidentDeadlineRules: IncidentDeadlineRuleRepository;
  readonly clues: ClueRepository;
  readonly appeals: AppealRepository;
  readonly appealDepartments: AppealDepartmentRepository;
  readonly evidence: EvidenceRepository;
  readonly plans: PlanRepository;
  readonly workCalendars: WorkCalendarRepository;
  readonly dutyNotes: DutyNoteRepository;
  /** What reports are built from, every figure with its query (issue 7). */
  readonly reportData: ReportDataSource;
  /** The top keywords of a period, for the dashboard's word cloud. */
  readonly keywordCounts: KeywordCountSource;
  readonly reports: ReportRepository;
  readonly reportSchedules: ReportScheduleRepository;
  readonly reportDeliveries: ReportDeliveryRepository;
  readonly reportSettings: ReportSettingsRepository;
  readonly retention: RetentionRepository;
  readonly itemPartitions: ItemPartitionMaintenance;
  /** Named locks across processes (per-unit evaluation, so racing workers never cluster or alert twice). */
  readonly locks: LockRepository;
  /**
   * Runs `work` in one transaction with repositories bound to it. Inside `work`, use only `tx`: on SQLite
   * the one connection is held by the transaction, so a call through the outer storage waits forever.
   */
  transaction<T>(work: (tx: Omit<Storage, 'transaction' | 'close' | 'ping'>) => Promise<T>): Promise<T>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
