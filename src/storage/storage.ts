/**
 * The {@link Storage} over one open database: every repository built on the same Kysely instance, and
 * transactions that hand the caller the same repositories bound to the transaction.
 */
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../platform/clock.js';
import { KyselyAlertRepository } from './alerts/repository.js';
import { KyselyAlertRuleRepository } from './alerts/rules-repository.js';
import { KyselyAuditRepository } from './audit/repository.js';
import { KyselyCaseTimelineRepository } from './case-timeline/repository.js';
import { KyselyCaseDeadlineRepository } from './case-deadlines/repository.js';
import { KyselyPublicationRepository } from './publications/repository.js';
import { KyselyBulletinRepository } from './bulletins/repository.js';
import { KyselyClueRepository } from './clues/repository.js';
import { KyselyAppealRepository } from './appeals/repository.js';
import { KyselyAppealDepartmentRepository } from './appeals/departments.js';
import { KyselyIncidentRepository } from './incidents/repository.js';
import { KyselyIncidentResponseRepository } from './incidents/responses-repository.js';
import { KyselyIncidentDeadlineRuleRepository } from './incidents/rules-repository.js';
import { KyselyEvidenceRepository } from './evidence/repository.js';
import { KyselyPlanRepository } from './plans/repository.js';
import { KyselyWorkCalendarRepository } from './work-calendars/repository.js';
import { KyselyDutyNoteRepository } from './duty-notes/repository.js';
import { KyselyChannelRepository } from './channels/repository.js';
import { KyselyDeliveryRepository } from './deliveries/repository.js';
import { pingDatabase, type DatabaseHandle } from './db.js';
import type { DialectName } from './dialect/types.js';
import { KyselyFetchRunRepository } from './fetch-runs/repository.js';
import { KyselySentimentCorrectionRepository } from './corrections/repository.js';
import { KyselySourceHealthEventRepository } from './health-events/repository.js';
import { KyselyHotTopicRepository } from './hot-topics/repository.js';
import { KyselyItemRepository } from './items/repository.js';
import { KyselyItemPartitions } from './partitions/repository.js';
import { KyselyKeyPeriodRepository } from './key-periods/repository.js';
import { KyselyEventRepository } from './events/repository.js';
import { KyselyKeyAccountRepository } from './key-accounts/repository.js';
import { KyselyLockRepository } from './locks/repository.js';
import { KyselyReportDataSource } from './report-data/source.js';
import { KyselyKeywordCountSource } from './report-data/keywords.js';
import { KyselySchemeHitRepository } from './scheme-hits/repository.js';
import { KyselyCompletenessRepository } from './completeness/repository.js';
import type { Storage } from './repositories.js';
import { KyselySchemeRepository } from './schemes/repository.js';
import type { Database } from './schema.js';
import { KyselySessionRepository } from './sessions/repository.js';
import { KyselySourceRepository } from './sources/repository.js';
import { KyselyTokenRepository } from './tokens/repository.js';
import { KyselyUnitRepository } from './units/repository.js';
import { KyselyUserRepository } from './users/repository.js';
import { KyselyReportRepository } from './reports/repository.js';
import { KyselyReportScheduleRepository } from './reports/schedules.js';
import { KyselyReportDeliveryRepository } from './reports/deliveries.js';
import { KyselyReportSettingsRepository } from './reports/settings.js';
import { KyselyRetentionRepository } from './retention/repository.js';

/** The repositories of a {@link Storage}, without its lifecycle: what a transaction's work receives. */
export type Repositories = Omit<Storage, 'transaction' | 'close' | 'ping'>;

/** What the storage factory may be given besides the database. */
export interface StorageOptions {
  /** The source of createdAt/updatedAt times; the wall clock by default. */
  clock?: Clock;
}

/** Builds every repository over `db`, which may be the whole database or one transaction. */
export function createRepositories(db: Kysely<Database>, dialect: DialectName, clock: Clock): Repositories {
  return {
    dialect,
    units: new KyselyUnitRepository(db, clock),
    users: new KyselyUserRepository(db, clock),
    tokens: new KyselyTokenRepository(db, clock),
    sessions: new KyselySessionRepository(db, clock),
    sources: new KyselySourceRepository(db, clock),
    items: new KyselyItemRepository(db, dialect, clock),
    schemes: new KyselySchemeRepository(db, clock),
    audit: new KyselyAuditRepository(db),
    fetchRuns: new KyselyFetchRunRepository(db),
    hotTopics: new KyselyHotTopicRepository(db),
    keyPeriods: new KyselyKeyPeriodRepository(db, clock),
    events: new KyselyEventRepository(db),
    sourceHealthEvents: new KyselySourceHealthEventRepository(db),
    sentimentCorrections: new KyselySentimentCorrectionRepository(db, clock),
    keyAccounts: new KyselyKeyAccountRepository(db, clock),
    schemeHits: new KyselySchemeHitRepository(db),
    completeness: new KyselyCompletenessRepository(db),
    channels: new KyselyChannelRepository(db, clock),
    deliveries: new KyselyDeliveryRepository(db, clock),
    alertRules: new KyselyAlertRuleRepository(db, clock),
    alerts: new KyselyAlertRepository(db),
    caseTimeline: new KyselyCaseTimelineRepository(db),
    caseDeadlines: new KyselyCaseDeadlineRepository(db),
    publications: new KyselyPublicationRepository(db),
    bulletins: new KyselyBulletinRepository(db),
    clues: new KyselyClueRepository(db),
    appeals: new KyselyAppealRepository(db),
    appealDepartments: new KyselyAppealDepartmentRepository(db, clock),
    incidents: new KyselyIncidentRepository(db),
    incidentResponses: new KyselyIncidentResponseRepository(db),
    incidentDeadlineRules: new KyselyIncidentDeadlineRuleRepository(db),
    evidence: new KyselyEvidenceRepository(db),
    plans: new KyselyPlanRepository(db),
    workCalendars: new KyselyWorkCalendarRepository(db),
    dutyNotes: new KyselyDutyNoteRepository(db),
    reportData: new KyselyReportDataSource(db),
    keywordCounts: new KyselyKeywordCountSource(db),
    reports: new KyselyReportRepository(db),
    reportSchedules: new KyselyReportScheduleRepository(db, clock),
    reportDeliveries: new KyselyReportDeliveryRepository(db, clock),
    reportSettings: new KyselyReportSettingsRepository(db),
    retention: new KyselyRetentionRepository(db),
    locks: new KyselyLockRepository(db, dialect),
    itemPartitions: new KyselyItemPartitions(db, dialect),
  };
}

/** Storage over an open database handle; closing it closes the handle. */
export class KyselyStorage implements Storage {
  readonly dialect: DialectName;
  readonly units: Repositories['units'];
  readonly users: Repositories['users'];
  readonly tokens: Repositories['tokens'];
  readonly sessions: Repositories['sessions'];
  readonly sources: Repositories['sources'];
  readonly items: Repositories['items'];
  readonly schemes: Repositories['schemes'];
  readonly audit: Repositories['audit'];
  readonly fetchRuns: Repositories['fetchRuns'];
  readonly hotTopics: Repositories['hotTopics'];
  readonly keyPeriods: Repositories['keyPeriods'];
  readonly events: Repositories['events'];
  readonly sourceHealthEvents: Repositories['sourceHealthEvents'];
  readonly sentimentCorrections: Repositories['sentimentCorrections'];
  readonly keyAccounts: Repositories['keyAccounts'];
  readonly schemeHits: Repositories['schemeHits'];
  readonly completeness: Repositories['completeness'];
  readonly channels: Repositories['channels'];
  readonly deliveries: Repositories['deliveries'];
  readonly alertRules: Repositories['alertRules'];
  readonly alerts: Repositories['alerts'];
  readonly caseTimeline: Repositories['caseTimeline'];
  readonly caseDeadlines: Repositories['caseDeadlines'];
  readonly publications: Repositories['publications'];
  readonly bulletins: Repositories['bulletins'];
  readonly clues: Repositories['clues'];
  readonly appeals: Repositories['appeals'];
  readonly appealDepartments: Repositories['appealDepartments'];
  readonly incidents: Repositories['incidents'];
  readonly incidentResponses: Repositories['incidentResponses'];
  readonly incidentDeadlineRules: Repositories['incidentDeadlineRules'];
  readonly evidence: Repositories['evidence'];
  readonly plans: Repositories['plans'];
  readonly workCalendars: Repositories['workCalendars'];
  readonly dutyNotes: Repositories['dutyNotes'];
  readonly reportData: Repositories['reportData'];
  readonly keywordCounts: Repositories['keywordCounts'];
  readonly reports: Repositories['reports'];
  readonly reportSchedules: Repositories['reportSchedules'];
  readonly reportDeliveries: Repositories['reportDeliveries'];
  readonly reportSettings: Repositories['reportSettings'];
  readonly retention: Repositories['retention'];
  readonly itemPartitions: Repositories['itemPartitions'];
  readonly locks: Repositories['locks'];
  private readonly clock: Clock;

  constructor(
    private readonly handle: DatabaseHandle,
    options: StorageOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    const repositories = createRepositories(handle.db, handle.dialect, this.clock);
    this.dialect = repositories.dialect;
    this.units = repositories.units;
    this.users = repositories.users;
    this.tokens = repositories.tokens;
    this.sessions = repositories.sessions;
    this.sources = repositories.sources;
    this.items = repositories.items;
    this.schemes = repositories.schemes;
    this.audit = repositories.audit;
    this.fetchRuns = repositories.fetchRuns;
    this.hotTopics = repositories.hotTopics;
    this.keyPeriods = repositories.keyPeriods;
    this.events = repositories.events;
    this.sourceHealthEvents = repositories.sourceHealthEvents;
    this.sentimentCorrections = repositories.sentimentCorrections;
    this.keyAccounts = repositories.keyAccounts;
    this.schemeHits = repositories.schemeHits;
    this.completeness = repositories.completeness;
    this.channels = repositories.channels;
    this.deliveries = repositories.deliveries;
    this.alertRules = repositories.alertRules;
    this.alerts = repositories.alerts;
    this.caseTimeline = repositories.caseTimeline;
    this.caseDeadlines = repositories.caseDeadlines;
    this.publications = repositories.publications;
    this.bulletins = repositories.bulletins;
    this.clues = repositories.clues;
    this.appeals = repositories.appeals;
    this.appealDepartments = repositories.appealDepartments;
    this.incidents = repositories.incidents;
    this.incidentResponses = repositories.incidentResponses;
    this.incidentDeadlineRules = repositories.incidentDeadlineRules;
    this.evidence = repositories.evidence;
    this.plans = repositories.plans;
    this.workCalendars = repositories.workCalendars;
    this.dutyNotes = repositories.dutyNotes;
    this.reportData = repositories.reportData;
    this.keywordCounts = repositories.keywordCounts;
    this.reports = repositories.reports;
    this.reportSchedules = repositories.reportSchedules;
    this.reportDeliveries = repositories.reportDeliveries;
    this.reportSettings = repositories.reportSettings;
    this.retention = repositories.retention;
    this.itemPartitions = repositories.itemPartitions;
    this.locks = repositories.locks;
  }

  /** Commits when `work` resolves and rolls back when it throws (the error is passed on). */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.handle.db
      .transaction()
      .execute((trx) => work(createRepositories(trx, this.handle.dialect, this.clock)));
  }

  ping(): Promise<boolean> {
    return pingDatabase(this.handle);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
