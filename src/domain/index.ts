/** The domain vocabulary in code: entity types, enums and role permissions. Imports nothing. */
export * from './entities.js';
export * from './roles.js';
export * from './collection.js';
export * from './source-draft.js';
export * from './events.js';
export * from './alerts.js';
export * from './cases-incidents.js';
export * from './cases-duty.js';
export * from './cases-publications.js';
export * from './cases-bulletins.js';
export * from './cases-evidence.js';
export * from './cases-plans.js';
export * from './cases-clues.js';
export * from './cases-appeals.js';
export * from './report-document.js';
export * from './report-data.js';
export * from './reports.js';
