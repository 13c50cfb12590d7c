/** The alert service: rules, raising and merging (transactional outbox hook), transitions, escalation. */
export * from './deps.js';
export { escalateDue, releaseHeld } from './escalate.js';
export { processSignal } from './process.js';
export { raiseOrMerge, type RaiseOutcome } from './raise.js';
export { createRule, deleteRule, loadEnabledRules, toAlertRule, updateRule } from './rules.js';
export { acknowledge, close, startHandling, type TransitionOptions } from './transitions.js';
