/**
 * Clues in SQLite or PostgreSQL through Kysely. Lists are newest first with a keyset cursor; the case-filing
 * statistics are one grouped query over clues transferred in the period.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import {
  CLUE_STATES,
  emptyChecklist,
  type Clue,
  type ClueFilingStats,
  type ClueState,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { patchColumns, toClue } from './rows.js';
import type { ClueFilter, ClueRepository, CluePatch, NewClue } from './types.js';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `clue ${id} does not exist`, { id, entity: 'clue' });
}

/** 1 for rows whose outcome is `outcome`, else 0, summed. */
function countOutcome(eb: ExpressionBuilder<Database, 'clues'>, outcome: string | null) {
  const when = outcome === null ? eb('outcome', 'is', null) : eb('outcome', '=', outcome);
  return eb.fn.sum<number>(eb.case().when(when).then(1).else(0).end());
}

/** Clues through Kysely. */
export class KyselyClueRepository implements ClueRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewClue): Promise<Clue> {
    const row = {
      id: newId(input.createdAt),
      unitId: input.unitId,
      title: input.title,
      summary: input.summary,
      origin: input.origin,
      itemIds: toJsonText(input.itemIds ?? []),
      incidentId: input.incidentId ?? null,
      checklist: toJsonText(input.checklist ?? emptyChecklist()),
      state: 'draft',
      transfer: null,
      transferredAt: null,
      outcome: null,
      outcomeNote: null,
      outcomeAt: null,
      createdBy: input.createdBy,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    };
    try {
      await this.db.insertInto('clues').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
        id: input.unitId,
        entity: 'unit',
      });
    }
    return toClue(row);
  }

  async get(id: string, scope?: Scope): Promise<Clue | null> {
    const row = await whereInScope(
      this.db.selectFrom('clues').selectAll().where('id', '=', id),
      scope,
    ).executeTakeFirst();
    return row ? toClue(row) : null;
  }

  async list(scope: Scope, filter: ClueFilter, page: PageRequest): Promise<Page<Clue>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('clues')
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.states?.length) query = query.where('state', 'in', filter.states);
    if (filter.origins?.length) query = query.where('origin', 'in', filter.origins);
    if (filter.outcomes?.length) query = query.where('outcome', 'in', filter.outcomes);
    if (filter.incidentId !== undefined) query = query.where('incidentId', '=', filter.incidentId);
    if (filter.itemId !== undefined)
      query = query.where('itemIds', 'like', `%${JSON.stringify(filter.itemId)}%`);
    if (filter.from !== undefined) query = query.where('createdAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('createdAt', '<', filter.to);
    if (page.cursor) query = query.where(beforeTimeId('createdAt', page.cursor));
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }), toClue);
  }

  async update(id: string, patch: CluePatch, at: number): Promise<Clue> {
    const result = await this.db
      .updateTable('clues')
      .set({ ...patchColumns(patch), updatedAt: at })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(id);
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async countByState(scope: Scope): Promise<Record<ClueState, number>> {
    const rows = await whereInScope(
      this.db
        .selectFrom('clues')
        .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
        .groupBy('state'),
      scope,
    ).execute();
    const counts = Object.fromEntries(CLUE_STATES.map((state) => [state, 0])) as Record<ClueState, number>;
    for (const row of rows) {
      if ((CLUE_STATES as readonly string[]).includes(row.state))
        counts[row.state as ClueState] = Number(row.count);
    }
    return counts;
  }

  async filingStats(scope: Scope, period: { from: number; to: number }): Promise<ClueFilingStats[]> {
    const rows = await whereInScope(
      this.db
        .selectFrom('clues')
        .select((eb) => [
          'unitId',
          eb.fn.countAll<number>().as('transferred'),
          countOutcome(eb, 'filed').as('filed'),
          countOutcome(eb, 'closed_after_check').as('closedAfterCheck'),
          countOutcome(eb, 'not_filed').as('notFiled'),
          countOutcome(eb, 'in_progress').as('inProgress'),
          countOutcome(eb, null).as('awaiting'),
        ])
        .where('transferredAt', '>=', period.from)
        .where('transferredAt', '<', period.to)
        .groupBy('unitId')
        .orderBy('unitId'),
      scope,
    ).execute();
    return rows.map((row) => {
      const filed = Number(row.filed);
      const final = filed + Number(row.closedAfterCheck) + Number(row.notFiled);
      return {
        unitId: row.unitId,
        transferred: Number(row.transferred),
        filed,
        closedAfterCheck: Number(row.closedAfterCheck),
        notFiled: Number(row.notFiled),
        inProgress: Number(row.inProgress),
        awaiting: Number(row.awaiting),
        filingRate: final === 0 ? null : filed / final,
      };
    });
  }
}
