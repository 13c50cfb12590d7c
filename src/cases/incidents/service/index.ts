/** The incident service (issue 6 §1): every change checked by the machines and written with its timeline and audit entry. */
export * from './deps.js';
export * from './open.js';
export * from './workflow.js';
export * from './details.js';
export * from './responses.js';
export * from './rules.js';
export { completeDeadlines, rulesFor, syncDeadlines } from './deadlines.js';
