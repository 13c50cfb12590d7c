/** Plan rows ↔ domain records: JSON columns parsed and enum columns checked. */
import type { Selectable } from 'kysely';
import {
  PLAN_LEVELS,
  PLAN_STATUSES,
  PLAN_TASK_STATES,
  type Plan,
  type PlanActivation,
  type PlanContent,
  type PlanLevel,
  type PlanTask,
  type PlanVersion,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonObject, parseJsonText } from '../json-columns.js';
import type { PlanActivationsTable, PlansTable, PlanTasksTable, PlanVersionsTable } from './tables.js';

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new AppError('INTERNAL', `column ${column} holds an unknown value "${value}"`);
}

/** A plan level column. */
export function levelOf(value: string, column: string): PlanLevel {
  return oneOf(PLAN_LEVELS, value, column);
}

/** The stored content of a plan or version (written by this code, so its shape is trusted). */
export function contentOf(text: string, column: string): PlanContent {
  return parseJsonObject(text, column) as unknown as PlanContent;
}

/** A `plans` row as a plan. */
export function toPlan(row: Selectable<PlansTable>): Plan {
  const content = contentOf(row.content, 'plans.content');
  return {
    ...content,
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    category: row.category,
    level: levelOf(row.level, 'plans.level'),
    version: row.version,
    status: oneOf(PLAN_STATUSES, row.status, 'plans.status'),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A `plan_versions` row. */
export function toVersion(row: Selectable<PlanVersionsTable>): PlanVersion {
  return { ...row, content: contentOf(row.content, 'plan_versions.content') };
}

/** A `plan_activations` row. */
export function toActivation(row: Selectable<PlanActivationsTable>): PlanActivation {
  return { ...row, level: levelOf(row.level, 'plan_activations.level') };
}

function idList(text: string): string[] {
  const value = parseJsonText(text, 'plan_tasks.owner_user_ids');
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', 'column plan_tasks.owner_user_ids does not hold a list of ids');
  }
  return value;
}

/** A `plan_tasks` row. */
export function toTask(row: Selectable<PlanTasksTable>): PlanTask {
  return {
    ...row,
    ownerUserIds: idList(row.ownerUserIds),
    state: oneOf(PLAN_TASK_STATES, row.state, 'plan_tasks.state'),
  };
}
