/**
 * Emergency plans (应急预案, issue 6 §3): per category and level, the roles, contacts and ordered steps with
 * time limits counted from activation. Activating a plan on an incident turns the steps into a checklist of
 * tasks with owners and deadlines. Emergencies run around the clock, so limits are plain minutes.
 */
import type { AlertLevel } from './alerts.js';
import type { Role } from './roles.js';

/** Response levels of the national norms, lowest first: 一般 (IV), 较大 (III), 重大 (II), 特别重大 (I). */
export const PLAN_LEVELS = ['general', 'larger', 'major', 'especially_major'] as const;
/** One of {@link PLAN_LEVELS}. */
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** Chinese names of the levels. */
export const PLAN_LEVEL_NAMES: Readonly<Record<PlanLevel, string>> = {
  general: '一般（Ⅳ级）',
  larger: '较大（Ⅲ级）',
  major: '重大（Ⅱ级）',
  especially_major: '特别重大（Ⅰ级）',
};

/** The alert level a plan task's reminder and escalation carry (null: blue). */
export const PLAN_LEVEL_ALERT: Readonly<Record<PlanLevel, AlertLevel | null>> = {
  general: null,
  larger: 'yellow',
  major: 'orange',
  especially_major: 'red',
};

/** The plan level matching an incident's (alert) level: 红 → 特别重大 … 蓝 → 一般. */
export const PLAN_LEVEL_FOR_ALERT: Readonly<Record<AlertLevel, PlanLevel>> = {
  red: 'especially_major',
  orange: 'major',
  yellow: 'larger',
  blue: 'general',
};

/** Whether a plan is offered for activation. */
export const PLAN_STATUSES = ['active', 'archived'] as const;
/** One of {@link PLAN_STATUSES}. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * A role in the plan (总指挥, 新闻发言人…), held by named users or, when none are named, by the users of the
 * activating unit who hold `appRole`.
 */
export interface PlanRole {
  key: string;
  name: string;
  appRole: Role | null;
  userIds: string[];
}

/** Someone to call during the response. */
export interface PlanContact {
  name: string;
  /** The plan role this contact fills, if any. */
  roleKey: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
}

/** One ordered step: who does it and within how many minutes of activation. */
export interface PlanStep {
  key: string;
  title: string;
  description: string | null;
  /** The plan role that owns the step; null when a named user does. */
  roleKey: string | null;
  /** A named owner; wins over the role. */
  ownerUserId: string | null;
  /** Time limit in minutes from activation. */
  limitMinutes: number;
}

/** The editable content of a plan; each change is a new version. */
export interface PlanContent {
  name: string;
  category: string;
  level: PlanLevel;
  description: string | null;
  roles: PlanRole[];
  contacts: PlanContact[];
  /** In order. */
  steps: PlanStep[];
}

/** A plan of a unit at its current version. */
export interface Plan extends PlanContent {
  id: string;
  unitId: string;
  version: number;
  status: PlanStatus;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An earlier (or the current) version of a plan. */
export interface PlanVersion {
  planId: string;
  version: number;
  content: PlanContent;
  createdBy: string | null;
  createdAt: number;
}

/** A plan activated on a record (an incident). */
export interface PlanActivation {
  id: string;
  unitId: string;
  planId: string;
  planVersion: number;
  planName: string;
  category: string;
  level: PlanLevel;
  recordType: string;
  recordId: string;
  activatedAt: number;
  activatedBy: string | null;
}

/** States of a plan task: open, then done or skipped (with a reason), and reopened when needed. */
export const PLAN_TASK_STATES = ['open', 'done', 'skipped'] as const;
/** One of {@link PLAN_TASK_STATES}. */
export type PlanTaskState = (typeof PLAN_TASK_STATES)[number];

/** What people do to a task. */
export const PLAN_TASK_ACTIONS = ['complete', 'skip', 'reopen'] as const;
/** One of {@link PLAN_TASK_ACTIONS}. */
export type PlanTaskAction = (typeof PLAN_TASK_ACTIONS)[number];

/** One checklist entry of an activation. */
export interface PlanTask {
  id: string;
  activationId: string;
  unitId: string;
  /** Position in the checklist (1, 2, …). */
  seq: number;
  stepKey: string;
  title: string;
  description: string | null;
  roleKey: string | null;
  /** The users who own the task (resolved at activation). */
  ownerUserIds: string[];
  dueAt: number;
  state: PlanTaskState;
  /** The note of the last completion, or the reason of a skip. */
  note: string | null;
  doneAt: number | null;
  doneBy: string | null;
  updatedAt: number;
}
