/** Report runs: generation on demand or for a schedule's slot, the schedule tick, and queuing e-mails on issue. */
export type { ReportReviewPort, ReportRunDeps, ReportStores, GenerateDeps } from './deps.js';
export { generateAndStore, periodForDate, reportSettingsOf } from './generate.js';
export type { GenerateRequest } from './generate.js';
export { onReportIssued, runReportTick } from './tick.js';
export type { ReportTickResult } from './tick.js';
