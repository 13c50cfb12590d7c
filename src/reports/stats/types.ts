/**
 * The work-summary statistics (工作总结, issue 6 Done-when): what one unit scope did in one period, from
 * the case records. Each area contributes its figures through one method of {@link CaseStatsSource}.
 */
import type {
  AlertLevel,
  AppealStats,
  BulletinStats,
  ClueFilingStats,
  VerificationResult,
} from '../../domain/index.js';
import type { IncidentStatisticsRow, Scope } from '../../storage/repositories.js';

/** A scope and a period, `from` inclusive and `to` exclusive (epoch ms). */
export interface StatsQuery {
  scope: Scope;
  from: number;
  to: number;
}

/** Where the figures come from: one method per area, each answering for the whole scope and period. */
export interface CaseStatsSource {
  /** Incidents opened in the period, by unit, level and verification result. */
  incidents(query: StatsQuery): Promise<IncidentStatisticsRow[]>;
  /** Appeals received in the period, one row per unit. */
  appeals(query: StatsQuery): Promise<AppealStats[]>;
  /** Clues transferred in the period and their outcomes, one row per unit. */
  clues(query: StatsQuery): Promise<ClueFilingStats[]>;
  /** Bulletins submitted, adopted and instructed in the period, scored. */
  bulletins(query: StatsQuery): Promise<BulletinStats>;
  /** Publications published in the period. */
  publications(query: StatsQuery): Promise<number>;
}

/** The verification result of an incident, or `unverified` when none was recorded. */
export type VerificationKey = VerificationResult | 'unverified';

/** The figures of a work summary. */
export interface WorkStats {
  from: number;
  to: number;
  incidents: {
    total: number;
    byLevel: Record<AlertLevel, number>;
    byVerification: Record<VerificationKey, number>;
  };
  appeals: {
    received: number;
    replied: number;
    onTime: number;
    /** replied ÷ (received − rejected); null when nothing was due. */
    replyRate: number | null;
    /** onTime ÷ replied; null when nothing was replied. */
    onTimeRate: number | null;
  };
  clues: {
    transferred: number;
    filed: number;
    /** filed ÷ clues with a final outcome (成案率); null when none has one yet. */
    filingRate: number | null;
  };
  bulletins: BulletinStats;
  publications: { published: number };
}
