/** Departments appeals are dispatched to, in SQLite or PostgreSQL through Kysely. */
import type { Kysely } from 'kysely';
import type { AppealDepartment } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import type { Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { toDepartment } from './rows.js';
import type { AppealDepartmentInput, AppealDepartmentRepository } from './types.js';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `appeal department ${id} does not exist`, {
    id,
    entity: 'appeal_department',
  });
}

function conflict(name: string): AppError {
  return new AppError('CONFLICT', `the unit already has a department named ${name}`, { name });
}

/** Appeal departments through Kysely. */
export class KyselyAppealDepartmentRepository implements AppealDepartmentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: AppealDepartmentInput): Promise<AppealDepartment> {
    const now = this.clock.now();
    const row = {
      id: newId(now),
      unitId: input.unitId,
      name: input.name,
      categories: toJsonText(input.categories ?? []),
      contact: input.contact ?? null,
      enabled: input.enabled === false ? 0 : 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.db.insertInto('appealDepartments').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(input.name);
      if (isForeignKeyViolation(error)) {
        throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
          id: input.unitId,
          entity: 'unit',
        });
      }
      throw error;
    }
    return toDepartment(row);
  }

  async get(id: string, scope?: Scope): Promise<AppealDepartment | null> {
    const query = this.db.selectFrom('appealDepartments').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toDepartment(row) : null;
  }

  async list(scope: Scope): Promise<AppealDepartment[]> {
    const query = this.db.selectFrom('appealDepartments').selectAll().orderBy('unitId').orderBy('name');
    return (await whereInScope(query, scope).execute()).map(toDepartment);
  }

  async update(id: string, patch: Partial<Omit<AppealDepartmentInput, 'unitId'>>): Promise<AppealDepartment> {
    const columns = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.categories !== undefined && { categories: toJsonText(patch.categories) }),
      ...(patch.contact !== undefined && { contact: patch.contact }),
      ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
      updatedAt: this.clock.now(),
    };
    try {
      const result = await this.db
        .updateTable('appealDepartments')
        .set(columns)
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound(id);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(patch.name ?? '');
      throw error;
    }
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('appealDepartments').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(id);
  }
}
