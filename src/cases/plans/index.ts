/**
 * Emergency plans (应急预案, issue 6 §3): plans by category and level with roles, contacts and ordered steps
 * with time limits; activation on an incident creates a checklist of tasks with owners and deadlines, ticked
 * off through a checked machine; a default plan set offices copy and edit.
 */
export { buildChecklist, reminderLeadMs, type ChecklistInput, type UnitMember } from './checklist.js';
export { DEFAULT_PLAN_CATEGORIES, defaultPlans } from './defaults.js';
export { planTaskMachine } from './machine.js';
export {
  activatePlan,
  PLAN_TASK_DEADLINE,
  PLAN_TASK_RECORD,
  type ActivationRequest,
  type ActivationResult,
} from './service/activate.js';
export type { PlanActor, PlanServiceDeps } from './service/deps.js';
export { createPlan, installDefaultPlans, updatePlan, type InstallResult } from './service/plans.js';
export { actOnTask, REOPEN_GRACE_MS } from './service/tasks.js';
export { MAX_STEP_MINUTES, validatePlanContent } from './validate.js';
