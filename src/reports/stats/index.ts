/** The work-summary statistics module: one call for every figure of a scope and period. */
export { collectWorkStats, storageCaseStatsSource } from './collect.js';
export { bulletinStats, combineBulletinStats } from './bulletins.js';
export { combineAppeals, combineClues, combineIncidents } from './combine.js';
export type { CaseStatsSource, StatsQuery, VerificationKey, WorkStats } from './types.js';
