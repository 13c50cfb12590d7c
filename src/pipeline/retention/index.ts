/** Retention: deleting old records by the configured rules (docs/operations.md, "Retention"). */
export { KEEP_EVERYTHING, itemRulesOf, type ItemRule, type RetentionPolicy } from './policy.js';
export { runRetention, type RetentionCounts } from './run.js';
