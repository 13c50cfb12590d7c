/**
 * The request and response schemas of the HTTP API (zod), shared with the console. Imports only zod and
 * the domain.
 */
export * from './audit.js';
export * from './common.js';
export * from './health.js';
export * from './items.js';
export * from './items-export.js';
export * from './schemes.js';
export * from './scheme-preview.js';
export * from './session.js';
export * from './sources.js';
export * from './tokens.js';
export * from './units.js';
export * from './users.js';
export * from './ingest.js';
export * from './channels.js';
export * from './key-accounts.js';
export * from './events.js';
export * from './alerts.js';
export * from './evidence.js';
export * from './plans.js';
export * from './duty.js';
export * from './incidents.js';
export * from './clues.js';
export * from './appeals.js';
export * from './publications.js';
export * from './bulletins.js';
export * from './reports.js';
export * from './stats.js';
export * from './overview.js';
export * from './platforms.js';
