/**
 * Bulletins over Kysely: records with their linked items and events (JSON lists), adoptions, instructions
 * with feedback, each unit's settings, and the period statistics. Lists are newest first by (createdAt, id).
 */
import type { Kysely, Selectable } from 'kysely';
import {
  BULLETIN_LEVELS,
  BULLETIN_STATES,
  DEFAULT_BULLETIN_SCORING,
  type Bulletin,
  type BulletinAdoption,
  type BulletinInstruction,
  type BulletinKind,
  type BulletinLevel,
  type BulletinScoring,
  type BulletinSettings,
  type BulletinState,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { parseJsonObject, parseJsonText, toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import type { StatsPeriod } from '../publications/types.js';
import { bulletinStatsRows } from './stats.js';
import type { BulletinsTable } from './tables.js';
import type {
  BulletinFilter,
  BulletinPatch,
  BulletinRepository,
  BulletinStatsRows,
  NewBulletin,
} from './types.js';

type Row = Selectable<BulletinsTable>;

function stringList(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of strings`);
  }
  return value as string[];
}

function toBulletin(row: Row): Bulletin {
  return {
    ...row,
    kind: row.kind as BulletinKind,
    state: row.state as BulletinState,
    itemIds: stringList(row.itemIds, 'bulletins.item_ids'),
    eventIds: stringList(row.eventIds, 'bulletins.event_ids'),
    recipients: stringList(row.recipients, 'bulletins.recipients'),
  };
}

/** Reads a stored scheme, falling back to the default points for any level it lacks. */
function toScoring(text: string): BulletinScoring {
  const stored = parseJsonObject(text, 'bulletin_settings.scoring');
  const part = (key: 'adoption' | 'instruction'): Record<BulletinLevel, number> => {
    const value = stored[key];
    const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    return Object.fromEntries(
      BULLETIN_LEVELS.map((level) => {
        const points = object[level];
        return [level, typeof points === 'number' ? points : DEFAULT_BULLETIN_SCORING[key][level]];
      }),
    ) as Record<BulletinLevel, number>;
  };
  return { adoption: part('adoption'), instruction: part('instruction') };
}

function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { id, entity });
}

function patchColumns(patch: BulletinPatch): Partial<Row> {
  const { itemIds, eventIds, recipients, ...plain } = patch;
  return {
    ...plain,
    ...(itemIds !== undefined && { itemIds: toJsonText(itemIds) }),
    ...(eventIds !== undefined && { eventIds: toJsonText(eventIds) }),
    ...(recipients !== undefined && { recipients: toJsonText(recipients) }),
  };
}

/** Bulletins in SQLite or PostgreSQL. */
export class KyselyBulletinRepository implements BulletinRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewBulletin, at: number): Promise<Bulletin> {
    const row: Row = {
      id: newId(at),
      unitId: input.unitId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      itemIds: toJsonText(input.itemIds),
      eventIds: toJsonText(input.eventIds),
      state: 'draft',
      recipients: toJsonText([]),
      submittedAt: null,
      submittedBy: null,
      createdBy: input.createdBy,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.db.insertInto('bulletins').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw notFound('unit', input.unitId);
    }
    return toBulletin(row);
  }

  async get(id: string, scope?: Scope): Promise<Bulletin | null> {
    const query = this.db.selectFrom('bulletins').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toBulletin(row) : null;
  }

  private filtered(scope: Scope, filter: BulletinFilter) {
    let query = this.db.selectFrom('bulletins');
    if (filter.kinds && filter.kinds.length > 0) query = query.where('kind', 'in', [...filter.kinds]);
    if (filter.states && filter.states.length > 0) query = query.where('state', 'in', [...filter.states]);
    if (filter.eventId !== undefined)
      query = query.where('eventIds', 'like', `%${toJsonText(filter.eventId)}%`);
    if (filter.q !== undefined && filter.q.trim() !== '')
      query = query.where('title', 'like', `%${filter.q.trim()}%`);
    if (filter.from !== undefined) query = query.where('createdAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('createdAt', '<', filter.to);
    return whereInScope(query, scope);
  }

  async list(scope: Scope, filter: BulletinFilter, page: PageRequest): Promise<Page<Bulletin>> {
    const limit = pageLimit(page.limit);
    let query = this.filtered(scope, filter)
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (page.cursor) query = query.where(beforeTimeId('createdAt', page.cursor));
    const rows = await query.execute();
    return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }), toBulletin);
  }

  async countByState(
    scope: Scope,
    filter: Omit<BulletinFilter, 'states'>,
  ): Promise<Record<BulletinState, number>> {
    const rows = await this.filtered(scope, filter)
      .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
      .groupBy('state')
      .execute();
    const counts = Object.fromEntries(BULLETIN_STATES.map((state) => [state, 0])) as Record<
      BulletinState,
      number
    >;
    for (const row of rows) counts[row.state as BulletinState] = Number(row.n);
    return counts;
  }

  async update(id: string, patch: BulletinPatch, at: number): Promise<Bulletin> {
    await this.db
      .updateTable('bulletins')
      .set({ ...patchColumns(patch), updatedAt: at })
      .where('id', '=', id)
      .execute();
    const updated = await this.get(id);
    if (!updated) throw notFound('bulletin', id);
    return updated;
  }

  async addAdoption(input: Omit<BulletinAdoption, 'id'>): Promise<BulletinAdoption> {
    const saved: BulletinAdoption = { id: newId(input.recordedAt), ...input };
    await this.db.insertInto('bulletinAdoptions').values(saved).execute();
    return saved;
  }

  async adoptions(bulletinId: string): Promise<BulletinAdoption[]> {
    const rows = await this.db
      .selectFrom('bulletinAdoptions')
      .selectAll()
      .where('bulletinId', '=', bulletinId)
      .orderBy('adoptedAt')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ ...row, level: row.level as BulletinLevel }));
  }

  async addInstruction(
    input: Omit<BulletinInstruction, 'id' | 'feedbackText' | 'feedbackAt'>,
  ): Promise<BulletinInstruction> {
    const saved: BulletinInstruction = {
      id: newId(input.recordedAt),
      ...input,
      feedbackText: null,
      feedbackAt: null,
    };
    await this.db.insertInto('bulletinInstructions').values(saved).execute();
    return saved;
  }

  async instructions(bulletinId: string): Promise<BulletinInstruction[]> {
    const rows = await this.db
      .selectFrom('bulletinInstructions')
      .selectAll()
      .where('bulletinId', '=', bulletinId)
      .orderBy('instructedAt')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ ...row, level: row.level as BulletinLevel }));
  }

  async setFeedback(
    bulletinId: string,
    instructionId: string,
    text: string,
    at: number,
  ): Promise<BulletinInstruction> {
    await this.db
      .updateTable('bulletinInstructions')
      .set({ feedbackText: text, feedbackAt: at })
      .where('id', '=', instructionId)
      .where('bulletinId', '=', bulletinId)
      .execute();
    const found = (await this.instructions(bulletinId)).find((row) => row.id === instructionId);
    if (!found) throw notFound('instruction', instructionId);
    return found;
  }

  async getSettings(unitId: string): Promise<BulletinSettings> {
    const row = await this.db
      .selectFrom('bulletinSettings')
      .selectAll()
      .where('unitId', '=', unitId)
      .executeTakeFirst();
    if (!row) return { unitId, recipients: [], scoring: DEFAULT_BULLETIN_SCORING, updatedAt: null };
    return {
      unitId,
      recipients: stringList(row.recipients, 'bulletin_settings.recipients'),
      scoring: toScoring(row.scoring),
      updatedAt: row.updatedAt,
    };
  }

  async setSettings(
    unitId: string,
    settings: { recipients: readonly string[]; scoring: BulletinScoring },
    at: number,
  ): Promise<BulletinSettings> {
    const recipients = [
      ...new Set(settings.recipients.map((name) => name.trim()).filter((name) => name !== '')),
    ];
    const values = {
      unitId,
      recipients: toJsonText(recipients),
      scoring: toJsonText(settings.scoring),
      updatedAt: at,
    };
    try {
      await this.db
        .insertInto('bulletinSettings')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('unitId')
            .doUpdateSet({ recipients: values.recipients, scoring: values.scoring, updatedAt: at }),
        )
        .execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw notFound('unit', unitId);
    }
    return { unitId, recipients, scoring: settings.scoring, updatedAt: at };
  }

  stats(scope: Scope, period: StatsPeriod): Promise<BulletinStatsRows> {
    return bulletinStatsRows(this.db, scope, period);
  }
}
