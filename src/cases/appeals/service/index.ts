/** The appeal service: intake, triage, dispatch, replies, publication, satisfaction and reads. */
export * from './deps.js';
export { notFound as appealNotFound } from './act.js';
export * from './dispatch.js';
export * from './intake.js';
export * from './publish.js';
export * from './reads.js';
export * from './reply.js';
export * from './triage.js';
