/** Evaluation (DESIGN.md §2): scheme hits, events and alert rules for stored items, by job and by tick. */
export {
  evaluateHandler,
  evaluationQueuer,
  startAlertTicker,
  itemIdsOf,
  EVALUATE_BATCH,
  type AlertTicker,
} from './handler.js';
export { evaluateItems, type EvaluateDeps, type EvaluateReport } from './run.js';
export { runAlertTick, type AlertTickDeps, type AlertTickReport } from './tick.js';
export { createSchemeMatcherCache, type SchemeMatcherCache } from './scheme-matchers.js';
