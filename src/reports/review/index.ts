/** The review workflow of reports: the pure life cycle, narrative edits, issuing, and the service. */
export * from './deps.js';
export * from './edit.js';
export * from './issue.js';
export * from './service.js';
export * from './transitions.js';
