/** Alert rules: the schema, the signals, the pure evaluator and escalation. */
export * from './decisions.js';
export { dueEscalations, type EscalationCandidate } from './escalation.js';
export { evaluateRule, keyPeriodCovers, mergeKeyOf } from './evaluate.js';
export { levelFor, moreSevere, nextLevelUp, severityOf, type Statistics } from './levels.js';
export { isQuiet, quietUntil } from './quiet-hours.js';
export * from './schema.js';
export type * from './signals.js';
