/**
 * Appeals in SQLite or PostgreSQL through Kysely. Lists are newest received first with a keyset cursor; an
 * item becomes at most one appeal (unique `item_id`), so intake from the pipeline can run twice safely.
 */
import type { Kysely } from 'kysely';
import {
  APPEAL_STATES,
  type Appeal,
  type AppealStatGroup,
  type AppealState,
  type AppealStats,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { appealColumns, toAppeal } from './rows.js';
import { appealStats } from './stats.js';
import type { AppealFilter, AppealPatch, AppealRepository, NewAppeal } from './types.js';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `appeal ${id} does not exist`, { id, entity: 'appeal' });
}

/** Appeals through Kysely. */
export class KyselyAppealRepository implements AppealRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewAppeal): Promise<Appeal> {
    const row = {
      id: newId(input.createdAt),
      unitId: input.unitId,
      channel: input.channel,
      title: input.title,
      content: input.content,
      itemId: input.itemId ?? null,
      sourceId: input.sourceId ?? null,
      externalRef: input.externalRef ?? null,
      url: input.url ?? null,
      citizenName: input.citizenName ?? null,
      citizenContact: input.citizenContact ?? null,
      category: input.category ?? null,
      state: 'new',
      receivedAt: input.receivedAt,
      departmentId: null,
      dispatchedAt: null,
      dueAt: null,
      extensionDays: null,
      extensionReason: null,
      returnReason: null,
      mergedIntoId: null,
      rejectReason: null,
      reply: null,
      repliedAt: null,
      repliedBy: null,
      replyBatchId: null,
      handlingDays: null,
      onTime: null,
      publishState: 'none',
      publishedAt: null,
      publishedUrl: null,
      publishError: null,
      satisfaction: null,
      closedAt: null,
      createdBy: input.createdBy,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    };
    try {
      await this.db.insertInto('appeals').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('CONFLICT', `item ${input.itemId ?? ''} is already an appeal`, {
          itemId: input.itemId,
        });
      }
      if (isForeignKeyViolation(error)) {
        throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
          id: input.unitId,
          entity: 'unit',
        });
      }
      throw error;
    }
    return toAppeal(row);
  }

  async get(id: string, scope?: Scope): Promise<Appeal | null> {
    const query = this.db.selectFrom('appeals').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toAppeal(row) : null;
  }

  async getMany(ids: readonly string[], scope?: Scope): Promise<Appeal[]> {
    if (ids.length === 0) return [];
    const query = this.db
      .selectFrom('appeals')
      .selectAll()
      .where('id', 'in', [...ids])
      .orderBy('id');
    return (await whereInScope(query, scope).execute()).map(toAppeal);
  }

  async findByItem(itemId: string): Promise<Appeal | null> {
    const row = await this.db
      .selectFrom('appeals')
      .selectAll()
      .where('itemId', '=', itemId)
      .executeTakeFirst();
    return row ? toAppeal(row) : null;
  }

  async list(scope: Scope, filter: AppealFilter, page: PageRequest): Promise<Page<Appeal>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('appeals')
      .selectAll()
      .orderBy('receivedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.states?.length) query = query.where('state', 'in', filter.states);
    if (filter.channels?.length) query = query.where('channel', 'in', filter.channels);
    if (filter.departmentId !== undefined) query = query.where('departmentId', '=', filter.departmentId);
    if (filter.category !== undefined) query = query.where('category', '=', filter.category);
    if (filter.from !== undefined) query = query.where('receivedAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('receivedAt', '<', filter.to);
    if (filter.overdueAt !== undefined) {
      query = query.where('state', '=', 'dispatched').where('dueAt', '<=', filter.overdueAt);
    }
    if (page.cursor) query = query.where(beforeTimeId('receivedAt', page.cursor));
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.receivedAt, id: row.id }), toAppeal);
  }

  async update(id: string, patch: AppealPatch, at: number): Promise<Appeal> {
    const result = await this.db
      .updateTable('appeals')
      .set({ ...appealColumns(patch), updatedAt: at })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(id);
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async listMergedInto(id: string): Promise<Appeal[]> {
    const rows = await this.db
      .selectFrom('appeals')
      .selectAll()
      .where('mergedIntoId', '=', id)
      .orderBy('receivedAt')
      .orderBy('id')
      .execute();
    return rows.map(toAppeal);
  }

  async listByBatch(batchId: string): Promise<Appeal[]> {
    const rows = await this.db
      .selectFrom('appeals')
      .selectAll()
      .where('replyBatchId', '=', batchId)
      .orderBy('receivedAt')
      .orderBy('id')
      .execute();
    return rows.map(toAppeal);
  }

  async countByState(scope: Scope): Promise<Record<AppealState, number>> {
    const rows = await whereInScope(
      this.db
        .selectFrom('appeals')
        .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
        .groupBy('state'),
      scope,
    ).execute();
    const counts = Object.fromEntries(APPEAL_STATES.map((state) => [state, 0])) as Record<
      AppealState,
      number
    >;
    for (const row of rows) {
      if ((APPEAL_STATES as readonly string[]).includes(row.state))
        counts[row.state as AppealState] = Number(row.count);
    }
    return counts;
  }

  stats(
    scope: Scope,
    period: { from: number; to: number },
    groupBy: AppealStatGroup,
  ): Promise<AppealStats[]> {
    return appealStats(this.db, scope, period, groupBy);
  }
}
