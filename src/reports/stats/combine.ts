/**
 * Adding the per-unit rows of each area into the work-summary figures, pure. Rates are recomputed from
 * the sums (an average of per-unit rates would weigh a unit with one appeal like one with a hundred).
 */
import {
  ALERT_LEVELS,
  VERIFICATION_RESULTS,
  type AlertLevel,
  type AppealStats,
  type ClueFilingStats,
} from '../../domain/index.js';
import type { IncidentStatisticsRow } from '../../storage/repositories.js';
import type { VerificationKey, WorkStats } from './types.js';

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Incidents by level and by verification result. */
export function combineIncidents(rows: readonly IncidentStatisticsRow[]): WorkStats['incidents'] {
  const byLevel = Object.fromEntries(ALERT_LEVELS.map((level) => [level, 0])) as Record<AlertLevel, number>;
  const byVerification = Object.fromEntries(
    [...VERIFICATION_RESULTS, 'unverified'].map((key) => [key, 0]),
  ) as Record<VerificationKey, number>;
  let total = 0;
  for (const row of rows) {
    total += row.count;
    byLevel[row.level] += row.count;
    byVerification[row.verificationResult ?? 'unverified'] += row.count;
  }
  return { total, byLevel, byVerification };
}

/** Appeals received, replied and on time, with the rates of the sums. */
export function combineAppeals(rows: readonly AppealStats[]): WorkStats['appeals'] {
  const sum = (pick: (row: AppealStats) => number): number =>
    rows.reduce((total, row) => total + pick(row), 0);
  const received = sum((row) => row.received);
  const rejected = sum((row) => row.rejected);
  const replied = sum((row) => row.replied);
  const onTime = sum((row) => row.onTime);
  return {
    received,
    replied,
    onTime,
    replyRate: ratio(replied, received - rejected),
    onTimeRate: ratio(onTime, replied),
  };
}

/** Clues transferred and filed, with the filing rate (成案率) of the sums. */
export function combineClues(rows: readonly ClueFilingStats[]): WorkStats['clues'] {
  const sum = (pick: (row: ClueFilingStats) => number): number =>
    rows.reduce((total, row) => total + pick(row), 0);
  const filed = sum((row) => row.filed);
  const final = filed + sum((row) => row.closedAfterCheck) + sum((row) => row.notFiled);
  return { transferred: sum((row) => row.transferred), filed, filingRate: ratio(filed, final) };
}
