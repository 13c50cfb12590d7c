/** Hand-over notes and key-period duty requirements over Kysely. */
import type { Kysely, Selectable } from 'kysely';
import type { DutyHandover, KeyPeriodDutyRequirement } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { parseJsonText, toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import type { DutyHandoversTable, KeyPeriodDutyTable } from './tables.js';
import type {
  DutyHandoverFilter,
  DutyHandoverInput,
  DutyNoteRepository,
  DutyStatistics,
  KeyPeriodDutyInput,
} from './types.js';

function matterList(text: string): string[] {
  const value = parseJsonText(text, 'duty_handovers.open_matters');
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', 'column duty_handovers.open_matters does not hold a list of strings');
  }
  return value as string[];
}

function toHandover(row: Selectable<DutyHandoversTable>): DutyHandover {
  return { ...row, openMatters: matterList(row.openMatters) };
}

function toRequirement(row: Selectable<KeyPeriodDutyTable>): KeyPeriodDutyRequirement {
  return { ...row, roundTheClock: row.roundTheClock === 1 };
}

/** Hand-over notes and key-period duty in SQLite or PostgreSQL. */
export class KyselyDutyNoteRepository implements DutyNoteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async addHandover(input: DutyHandoverInput, now: number): Promise<DutyHandover> {
    const handover: DutyHandover = { ...input, id: newId(now), createdAt: now };
    await this.db
      .insertInto('dutyHandovers')
      .values({ ...handover, openMatters: toJsonText(handover.openMatters) })
      .execute();
    return handover;
  }

  async getHandover(id: string, scope?: Scope): Promise<DutyHandover | null> {
    const query = this.db.selectFrom('dutyHandovers').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toHandover(row) : null;
  }

  async listHandovers(
    scope: Scope,
    filter: DutyHandoverFilter,
    page: PageRequest,
  ): Promise<Page<DutyHandover>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('dutyHandovers')
      .selectAll()
      .orderBy('handedOverAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.unitId !== undefined) query = query.where('unitId', '=', filter.unitId);
    const userId = filter.userId;
    if (userId !== undefined) {
      query = query.where((eb) => eb.or([eb('fromUserId', '=', userId), eb('toUserId', '=', userId)]));
    }
    if (filter.from !== undefined) query = query.where('handedOverAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('handedOverAt', '<', filter.to);
    if (page.cursor) query = query.where(beforeTimeId('handedOverAt', page.cursor));
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.handedOverAt, id: row.id }), toHandover);
  }

  async setKeyPeriodDuty(input: KeyPeriodDutyInput, now: number): Promise<KeyPeriodDutyRequirement> {
    if (!Number.isInteger(input.minOnDuty) || input.minOnDuty < 1) {
      throw new AppError('BAD_REQUEST', 'at least one person must be on duty', { ...input });
    }
    const row = { ...input, roundTheClock: input.roundTheClock ? 1 : 0, updatedAt: now };
    const { keyPeriodId: _id, ...changes } = row;
    await this.db
      .insertInto('keyPeriodDuty')
      .values(row)
      .onConflict((oc) => oc.column('keyPeriodId').doUpdateSet(changes))
      .execute();
    return toRequirement(row);
  }

  async getKeyPeriodDuty(keyPeriodId: string): Promise<KeyPeriodDutyRequirement | null> {
    const row = await this.db
      .selectFrom('keyPeriodDuty')
      .selectAll()
      .where('keyPeriodId', '=', keyPeriodId)
      .executeTakeFirst();
    return row ? toRequirement(row) : null;
  }

  async statistics(scope: Scope, from: number, to: number): Promise<DutyStatistics> {
    const base = whereInScope(
      this.db.selectFrom('dutyHandovers').where('handedOverAt', '>=', from).where('handedOverAt', '<', to),
      scope,
    );
    const byUnit = await base
      .select((eb) => ['unitId', eb.fn.countAll<number>().as('count')])
      .groupBy('unitId')
      .orderBy('unitId')
      .execute();
    const open = await base
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('openMatters', '<>', '[]')
      .executeTakeFirst();
    return {
      handoversByUnit: byUnit.map((row) => ({ unitId: row.unitId, count: Number(row.count) })),
      handoversWithOpenMatters: Number(open?.count ?? 0),
    };
  }
}
