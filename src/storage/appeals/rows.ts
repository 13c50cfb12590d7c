/** Rows of the appeal tables to records and back; enum and JSON columns are checked on the way out. */
import type { Selectable } from 'kysely';
import {
  APPEAL_CHANNELS,
  APPEAL_PUBLISH_STATES,
  APPEAL_SATISFACTIONS,
  APPEAL_STATES,
  type Appeal,
  type AppealDepartment,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonText } from '../json-columns.js';
import type { AppealDepartmentsTable, AppealsTable } from './tables.js';
import type { AppealPatch } from './types.js';

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new AppError('INTERNAL', `column ${column} holds an unknown value ${value}`);
  }
  return value as T;
}

/** A stored department. */
export function toDepartment(row: Selectable<AppealDepartmentsTable>): AppealDepartment {
  const categories = parseJsonText(row.categories, 'appeal_departments.categories');
  if (!Array.isArray(categories) || !categories.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', 'column appeal_departments.categories does not hold a list of strings');
  }
  return { ...row, categories, enabled: row.enabled === 1 };
}

/** A stored appeal. */
export function toAppeal(row: Selectable<AppealsTable>): Appeal {
  return {
    ...row,
    channel: oneOf(APPEAL_CHANNELS, row.channel, 'appeals.channel'),
    state: oneOf(APPEAL_STATES, row.state, 'appeals.state'),
    onTime: row.onTime === null ? null : row.onTime === 1,
    publishState: oneOf(APPEAL_PUBLISH_STATES, row.publishState, 'appeals.publish_state'),
    satisfaction:
      row.satisfaction === null
        ? null
        : oneOf(APPEAL_SATISFACTIONS, row.satisfaction, 'appeals.satisfaction'),
  };
}

/** The columns a patch changes. */
export function appealColumns(patch: AppealPatch): Partial<Selectable<AppealsTable>> {
  const { onTime, ...rest } = patch;
  return { ...rest, ...(onTime !== undefined && { onTime: onTime === null ? null : onTime ? 1 : 0 }) };
}
