/** The domain vocabulary in code: entity types, enums and role permissions. Imports nothing. */
export * from './entities.js';
export * from './roles.js';
export * from './collection.js';
export * from './source-draft.js';
export * from './events.js';
export * from './alerts.js';
