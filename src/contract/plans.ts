/**
 * Emergency plans (应急预案, issue 6 §3): plans by category and level with roles, contacts and ordered steps,
 * their versions, activations on incidents and the task checklists.
 */
import { z } from 'zod';
import { PLAN_LEVELS, PLAN_STATUSES, PLAN_TASK_ACTIONS, PLAN_TASK_STATES, ROLES } from '../domain/index.js';
import { flagParam, pageOf, pageQuery, timestamp } from './common.js';

const key = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, 'letters, digits, _ and - only');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** A role of a plan. */
export const planRole = z.strictObject({
  key,
  name: text(100),
  appRole: z
    .enum(ROLES)
    .nullable()
    .default(null)
    .describe('Users of the unit holding it own the role’s steps'),
  userIds: z.array(z.string().min(1).max(64)).max(50).default([]).describe('Named holders; win over appRole'),
});

/** A contact of a plan. */
export const planContact = z.strictObject({
  name: text(100),
  roleKey: key.nullable().default(null),
  phone: optionalText(50),
  email: optionalText(200),
  note: optionalText(500),
});

/** An ordered step of a plan. */
export const planStep = z.strictObject({
  key,
  title: text(200),
  description: optionalText(2000),
  roleKey: key.nullable().default(null),
  ownerUserId: z.string().min(1).max(64).nullable().default(null),
  limitMinutes: z.number().int().min(1).max(129_600).describe('Time limit in minutes from activation'),
});

const contentFields = {
  name: text(200),
  category: key.describe('e.g. production_safety, food_drug, environment, mass_incident, online_rumor'),
  level: z.enum(PLAN_LEVELS),
  description: optionalText(5000),
  roles: z.array(planRole).max(50).default([]),
  contacts: z.array(planContact).max(200).default([]),
  steps: z.array(planStep).min(1).max(100),
};

/** POST /plans. */
export const createPlanBody = z.strictObject({
  ...contentFields,
  unitId: z.string().min(1).max(64).optional(),
  status: z.enum(PLAN_STATUSES).default('active'),
});

/** PATCH /plans/:id: changed content fields make a new version; a status change alone does not. */
export const updatePlanBody = z.strictObject({
  name: contentFields.name.optional(),
  category: contentFields.category.optional(),
  level: contentFields.level.optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  roles: z.array(planRole).max(50).optional(),
  contacts: z.array(planContact).max(200).optional(),
  steps: contentFields.steps.optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});

const roleView = z.object({
  key: z.string(),
  name: z.string(),
  appRole: z.enum(ROLES).nullable(),
  userIds: z.array(z.string()),
});
const contactView = z.object({
  name: z.string(),
  roleKey: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
});
const stepView = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  roleKey: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  limitMinutes: z.number().int(),
});
const contentView = {
  name: z.string(),
  category: z.string(),
  level: z.enum(PLAN_LEVELS),
  description: z.string().nullable(),
  roles: z.array(roleView),
  contacts: z.array(contactView),
  steps: z.array(stepView),
};

/** A plan at its current version. */
export const plan = z
  .object({
    id: z.string(),
    unitId: z.string(),
    version: z.number().int(),
    status: z.enum(PLAN_STATUSES),
    ...contentView,
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Plan' });

/** A page of plans. */
export const planPage = pageOf(plan);

/** GET /plans. */
export const planListQuery = pageQuery.extend({
  category: key.optional(),
  level: z.enum(PLAN_LEVELS).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});

/** One version of a plan. */
export const planVersion = z
  .object({
    planId: z.string(),
    version: z.number().int(),
    content: z.object(contentView),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'PlanVersion' });

/** GET /plans/:id/versions. */
export const planVersionList = z.object({ items: z.array(planVersion) });

/** POST /plans/defaults. */
export const installDefaultPlansBody = z.strictObject({ unitId: z.string().min(1).max(64).optional() });

/** What installing the default plan set did. */
export const installDefaultPlansResponse = z.object({
  installed: z.array(plan),
  skipped: z.number().int().describe('Defaults whose category and level the unit already has'),
});

/** POST /plans/:id/activate. */
export const activatePlanBody = z.strictObject({
  recordType: z.literal('incident').default('incident'),
  recordId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64).optional().describe('The responding unit; the plan’s when absent'),
});

/** A task of an activation's checklist. */
export const planTask = z
  .object({
    id: z.string(),
    activationId: z.string(),
    unitId: z.string(),
    seq: z.number().int(),
    stepKey: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    roleKey: z.string().nullable(),
    ownerUserIds: z.array(z.string()),
    dueAt: timestamp,
    overdue: z.boolean(),
    state: z.enum(PLAN_TASK_STATES),
    note: z.string().nullable(),
    doneAt: timestamp.nullable(),
    doneBy: z.string().nullable(),
    updatedAt: timestamp,
    actions: z.array(z.enum(PLAN_TASK_ACTIONS)).describe('What may be done now'),
  })
  .meta({ id: 'PlanTask' });

/** An activation of a plan. */
export const planActivation = z
  .object({
    id: z.string(),
    unitId: z.string(),
    planId: z.string(),
    planVersion: z.number().int(),
    planName: z.string(),
    category: z.string(),
    level: z.enum(PLAN_LEVELS),
    recordType: z.string(),
    recordId: z.string(),
    activatedAt: timestamp,
    activatedBy: z.string().nullable(),
  })
  .meta({ id: 'PlanActivation' });

/** An activation with its checklist. */
export const planActivationDetail = planActivation.extend({ tasks: z.array(planTask) });

/** A page of activations. */
export const planActivationPage = pageOf(planActivation);

/** GET /plan-activations. */
export const planActivationListQuery = pageQuery.extend({
  recordType: key.optional(),
  recordId: z.string().min(1).max(64).optional(),
  planId: z.string().min(1).max(64).optional(),
});

/** GET /plan-tasks and /plan-tasks/counts. */
export const planTaskListQuery = pageQuery.extend({
  activationId: z.string().min(1).max(64).optional(),
  ownerUserId: z.string().min(1).max(64).optional().describe('A user id, or "me"'),
  state: z.enum(PLAN_TASK_STATES).optional(),
  overdue: flagParam.optional().describe('Only open tasks past due'),
});

/** A page of tasks. */
export const planTaskPage = pageOf(planTask);

/** Task counts for the console's badges. */
export const planTaskCounts = z.object({
  open: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int(),
  overdue: z.number().int(),
});

/** POST /plan-tasks/:id/complete and /reopen. */
export const planTaskNoteBody = z.strictObject({ note: z.string().trim().max(2000).optional() });

/** POST /plan-tasks/:id/skip. */
export const planTaskSkipBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
