/**
 * The life of a plan task: open → done (ticked off with a note) or skipped (with a reason); a done or
 * skipped task can be reopened.
 */
import type { PlanTaskAction, PlanTaskState } from '../../domain/index.js';
import { defineMachine } from '../state-machine.js';

/** The checked task workflow. */
export const planTaskMachine = defineMachine<PlanTaskState, PlanTaskAction>('plan task', [
  { action: 'complete', from: ['open'], to: 'done' },
  { action: 'skip', from: ['open'], to: 'skipped' },
  { action: 'reopen', from: ['done', 'skipped'], to: 'open' },
]);
