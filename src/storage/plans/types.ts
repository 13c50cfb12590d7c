/** Emergency plans (应急预案), their versions, activations and task checklists as storage offers them. */
import type {
  Plan,
  PlanActivation,
  PlanContent,
  PlanLevel,
  PlanStatus,
  PlanTask,
  PlanTaskState,
  PlanVersion,
} from '../../domain/index.js';
import type { Page, PageRequest, Scope } from '../repositories.js';

/** A new plan (version 1). */
export interface PlanInput {
  unitId: string;
  content: PlanContent;
  status?: PlanStatus;
  createdBy: string | null;
}

/** A change of a plan: new content makes a new version; a status change alone does not. */
export interface PlanPatch {
  content?: PlanContent;
  status?: PlanStatus;
}

/** Filters of a plan list. */
export interface PlanFilter {
  category?: string;
  level?: PlanLevel;
  status?: PlanStatus;
}

/** Filters of an activation list. */
export interface PlanActivationFilter {
  recordType?: string;
  recordId?: string;
  planId?: string;
}

/** Filters of a task list. */
export interface PlanTaskFilter {
  activationId?: string;
  ownerUserId?: string;
  state?: PlanTaskState;
  /** Only open tasks due before this time. */
  overdueAt?: number;
}

/** What a task transition writes. */
export interface PlanTaskPatch {
  state: PlanTaskState;
  note: string | null;
  doneAt: number | null;
  doneBy: string | null;
  updatedAt: number;
  /** A new due time (a reopened task). */
  dueAt?: number;
}

/** Counts of tasks for the console's badges. */
export interface PlanTaskCounts {
  open: number;
  done: number;
  skipped: number;
  /** Open and past due at the given time. */
  overdue: number;
}

/** Activations and their tasks of one unit and plan level in a period (work summary). */
export interface PlanActivationCount {
  unitId: string;
  level: PlanLevel;
  activations: number;
  tasks: number;
  tasksDone: number;
  tasksSkipped: number;
}

/** Plans, versions, activations and tasks. */
export interface PlanRepository {
  create(input: PlanInput, now: number): Promise<Plan>;
  get(id: string, scope?: Scope): Promise<Plan | null>;
  /** Plans in scope ordered by category, level and id (keyset by id). */
  list(scope: Scope, filter: PlanFilter, page: PageRequest): Promise<Page<Plan>>;
  /** Every plan of a unit (for installing defaults without duplicates). */
  listForUnit(unitId: string): Promise<Plan[]>;
  /** NOT_FOUND when missing. New content bumps the version and keeps the old one. */
  update(id: string, patch: PlanPatch, by: string | null, now: number): Promise<Plan>;
  /** Every version of a plan, newest first. */
  listVersions(planId: string): Promise<PlanVersion[]>;
  getVersion(planId: string, version: number): Promise<PlanVersion | null>;

  /** Stores an activation and its checklist (call inside a transaction). */
  createActivation(activation: PlanActivation, tasks: readonly PlanTask[]): Promise<PlanActivation>;
  getActivation(id: string, scope?: Scope): Promise<PlanActivation | null>;
  /** Activations in scope, newest first (keyset by id). */
  listActivations(
    scope: Scope,
    filter: PlanActivationFilter,
    page: PageRequest,
  ): Promise<Page<PlanActivation>>;
  /** The checklist of an activation in order. */
  listTasks(activationId: string): Promise<PlanTask[]>;
  getTask(id: string, scope?: Scope): Promise<PlanTask | null>;
  /** Tasks in scope by due time (keyset by id within the filter). */
  listTaskPage(scope: Scope, filter: PlanTaskFilter, page: PageRequest): Promise<Page<PlanTask>>;
  updateTask(id: string, patch: PlanTaskPatch): Promise<PlanTask>;
  taskCounts(
    scope: Scope,
    filter: Omit<PlanTaskFilter, 'state' | 'overdueAt'>,
    now: number,
  ): Promise<PlanTaskCounts>;
  /** Activations per unit and level with activatedAt in [from, to), with their task outcomes. */
  countActivations(scope: Scope, from: number, to: number): Promise<PlanActivationCount[]>;
}
