/**
 * Emergency plans in SQLite or PostgreSQL through Kysely: plans with every version kept, activations on
 * records and their task checklists.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Plan, PlanActivation, PlanTask, PlanVersion } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { toJsonText } from '../json-columns.js';
import { decodeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { levelOf, toActivation, toPlan, toTask, toVersion } from './rows.js';
import type {
  PlanActivationCount,
  PlanActivationFilter,
  PlanFilter,
  PlanInput,
  PlanPatch,
  PlanRepository,
  PlanTaskCounts,
  PlanTaskFilter,
  PlanTaskPatch,
} from './types.js';

function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { id, entity });
}

/** Escapes LIKE wildcards (the pattern uses `\` as its escape). */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Plans in SQLite or PostgreSQL. */
export class KyselyPlanRepository implements PlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: PlanInput, now: number): Promise<Plan> {
    const id = newId(now);
    const content = toJsonText(input.content);
    await this.db
      .insertInto('plans')
      .values({
        id,
        unitId: input.unitId,
        name: input.content.name,
        category: input.content.category,
        level: input.content.level,
        status: input.status ?? 'active',
        version: 1,
        content,
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await this.db
      .insertInto('planVersions')
      .values({ planId: id, version: 1, content, createdBy: input.createdBy, createdAt: now })
      .execute();
    const created = await this.get(id);
    if (!created) throw notFound('plan', id);
    return created;
  }

  async get(id: string, scope?: Scope): Promise<Plan | null> {
    const query = this.db.selectFrom('plans').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toPlan(row) : null;
  }

  async list(scope: Scope, filter: PlanFilter, page: PageRequest): Promise<Page<Plan>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('plans')
      .selectAll()
      .orderBy('id')
      .limit(limit + 1);
    if (page.cursor) query = query.where('id', '>', decodeIdCursor(page.cursor).id);
    if (filter.category !== undefined) query = query.where('category', '=', filter.category);
    if (filter.level !== undefined) query = query.where('level', '=', filter.level);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toPlan);
  }

  async listForUnit(unitId: string): Promise<Plan[]> {
    const rows = await this.db
      .selectFrom('plans')
      .selectAll()
      .where('unitId', '=', unitId)
      .orderBy('id')
      .execute();
    return rows.map(toPlan);
  }

  async update(id: string, patch: PlanPatch, by: string | null, now: number): Promise<Plan> {
    const current = await this.get(id);
    if (!current) throw notFound('plan', id);
    const version = patch.content ? current.version + 1 : current.version;
    await this.db
      .updateTable('plans')
      .set({
        ...(patch.content && {
          name: patch.content.name,
          category: patch.content.category,
          level: patch.content.level,
          content: toJsonText(patch.content),
          version,
        }),
        ...(patch.status !== undefined && { status: patch.status }),
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    if (patch.content) {
      await this.db
        .insertInto('planVersions')
        .values({ planId: id, version, content: toJsonText(patch.content), createdBy: by, createdAt: now })
        .execute();
    }
    const updated = await this.get(id);
    if (!updated) throw notFound('plan', id);
    return updated;
  }

  async listVersions(planId: string): Promise<PlanVersion[]> {
    const rows = await this.db
      .selectFrom('planVersions')
      .selectAll()
      .where('planId', '=', planId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toVersion);
  }

  async getVersion(planId: string, version: number): Promise<PlanVersion | null> {
    const row = await this.db
      .selectFrom('planVersions')
      .selectAll()
      .where('planId', '=', planId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async createActivation(activation: PlanActivation, tasks: readonly PlanTask[]): Promise<PlanActivation> {
    await this.db.insertInto('planActivations').values(activation).execute();
    for (const task of tasks) {
      await this.db
        .insertInto('planTasks')
        .values({ ...task, ownerUserIds: toJsonText(task.ownerUserIds) })
        .execute();
    }
    return activation;
  }

  async getActivation(id: string, scope?: Scope): Promise<PlanActivation | null> {
    const query = this.db.selectFrom('planActivations').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toActivation(row) : null;
  }

  async listActivations(
    scope: Scope,
    filter: PlanActivationFilter,
    page: PageRequest,
  ): Promise<Page<PlanActivation>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('planActivations')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (page.cursor) query = query.where('id', '<', decodeIdCursor(page.cursor).id);
    if (filter.recordType !== undefined) query = query.where('recordType', '=', filter.recordType);
    if (filter.recordId !== undefined) query = query.where('recordId', '=', filter.recordId);
    if (filter.planId !== undefined) query = query.where('planId', '=', filter.planId);
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toActivation);
  }

  async listTasks(activationId: string): Promise<PlanTask[]> {
    const rows = await this.db
      .selectFrom('planTasks')
      .selectAll()
      .where('activationId', '=', activationId)
      .orderBy('seq')
      .execute();
    return rows.map(toTask);
  }

  async getTask(id: string, scope?: Scope): Promise<PlanTask | null> {
    const query = this.db.selectFrom('planTasks').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toTask(row) : null;
  }

  async listTaskPage(scope: Scope, filter: PlanTaskFilter, page: PageRequest): Promise<Page<PlanTask>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('planTasks')
      .selectAll()
      .orderBy('id')
      .limit(limit + 1);
    if (page.cursor) query = query.where('id', '>', decodeIdCursor(page.cursor).id);
    if (filter.activationId !== undefined) query = query.where('activationId', '=', filter.activationId);
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    if (filter.overdueAt !== undefined) {
      query = query.where('state', '=', 'open').where('dueAt', '<=', filter.overdueAt);
    }
    if (filter.ownerUserId !== undefined) {
      query = query.where(
        sql<SqlBool>`${sql.ref('ownerUserIds')} like ${likeContains(JSON.stringify(filter.ownerUserId))} escape '\\'`,
      );
    }
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toTask);
  }

  async updateTask(id: string, patch: PlanTaskPatch): Promise<PlanTask> {
    await this.db.updateTable('planTasks').set(patch).where('id', '=', id).execute();
    const updated = await this.getTask(id);
    if (!updated) throw notFound('plan task', id);
    return updated;
  }

  async taskCounts(
    scope: Scope,
    filter: Omit<PlanTaskFilter, 'state' | 'overdueAt'>,
    now: number,
  ): Promise<PlanTaskCounts> {
    let query = this.db
      .selectFrom('planTasks')
      .select((eb) => [
        'state',
        eb.fn.countAll<number | string>().as('n'),
        eb.fn
          .sum<number | string | null>(sql<number>`case when ${sql.ref('dueAt')} <= ${now} then 1 else 0 end`)
          .as('late'),
      ])
      .groupBy('state');
    if (filter.activationId !== undefined) query = query.where('activationId', '=', filter.activationId);
    if (filter.ownerUserId !== undefined) {
      query = query.where(
        sql<SqlBool>`${sql.ref('ownerUserIds')} like ${likeContains(JSON.stringify(filter.ownerUserId))} escape '\\'`,
      );
    }
    const rows = await whereInScope(query, scope).execute();
    const counts: PlanTaskCounts = { open: 0, done: 0, skipped: 0, overdue: 0 };
    for (const row of rows) {
      const n = Number(row.n);
      if (row.state === 'open') {
        counts.open = n;
        counts.overdue = Number(row.late ?? 0);
      } else if (row.state === 'done') counts.done = n;
      else if (row.state === 'skipped') counts.skipped = n;
    }
    return counts;
  }

  async countActivations(scope: Scope, from: number, to: number): Promise<PlanActivationCount[]> {
    const query = this.db
      .selectFrom('planActivations as a')
      .leftJoin('planTasks as t', 't.activationId', 'a.id')
      .select((eb) => [
        'a.unitId as unitId',
        'a.level as level',
        eb.fn.count<number | string>('a.id').distinct().as('activations'),
        eb.fn.count<number | string>('t.id').as('tasks'),
        eb.fn
          .sum<number | string | null>(
            sql<number>`case when ${sql.ref('t.state')} = 'done' then 1 else 0 end`,
          )
          .as('tasksDone'),
        eb.fn
          .sum<number | string | null>(
            sql<number>`case when ${sql.ref('t.state')} = 'skipped' then 1 else 0 end`,
          )
          .as('tasksSkipped'),
      ])
      .where('a.activatedAt', '>=', from)
      .where('a.activatedAt', '<', to)
      .groupBy(['a.unitId', 'a.level'])
      .orderBy('a.unitId')
      .orderBy('a.level');
    const rows = await whereInScope(query, scope, 'a.unitId').execute();
    return rows.map((row) => ({
      unitId: row.unitId,
      level: levelOf(row.level, 'plan_activations.level'),
      activations: Number(row.activations),
      tasks: Number(row.tasks),
      tasksDone: Number(row.tasksDone ?? 0),
      tasksSkipped: Number(row.tasksSkipped ?? 0),
    }));
  }
}
