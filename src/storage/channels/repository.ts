/**
 * Channels, the duty roster and alert contacts in SQLite or PostgreSQL through Kysely. Channels are few
 * per unit, so lists are plain (no paging); shifts are listed by time window.
 */
import type { Kysely, Updateable } from 'kysely';
import { ROLES, type Role } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import { toChannel, toShift } from './rows.js';
import type { ChannelsTable } from './tables.js';
import type {
  AlertContact,
  Channel,
  ChannelInput,
  ChannelRepository,
  DutyShift,
  DutyShiftInput,
} from './types.js';

type ScopeLike = { unitIds: readonly string[] | null };
type ChannelPatch = Partial<Omit<ChannelInput, 'unitId' | 'kind'>>;

function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { id, entity });
}

function patchColumns(patch: ChannelPatch, now: number): Updateable<ChannelsTable> {
  return {
    updatedAt: now,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
    ...(patch.minLevel !== undefined && { minLevel: patch.minLevel }),
    ...(patch.coverSubunits !== undefined && { coverSubunits: patch.coverSubunits ? 1 : 0 }),
    ...(patch.config !== undefined && { config: toJsonText(patch.config) }),
  };
}

/** Turns a foreign-key failure on insert into NOT_FOUND of the named record. */
async function insertOrNotFound(insert: () => Promise<unknown>, entity: string, id: string): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw notFound(entity, id);
    throw error;
  }
}

/** Channels, shifts and contacts over one database or transaction. */
export class KyselyChannelRepository implements ChannelRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: ChannelInput): Promise<Channel> {
    const now = this.clock.now();
    const row = {
      id: newId(now),
      unitId: input.unitId,
      kind: input.kind,
      name: input.name,
      enabled: input.enabled === false ? 0 : 1,
      minLevel: input.minLevel ?? 'blue',
      coverSubunits: input.coverSubunits ? 1 : 0,
      config: toJsonText(input.config ?? {}),
      createdAt: now,
      updatedAt: now,
    };
    await insertOrNotFound(() => this.db.insertInto('channels').values(row).execute(), 'unit', input.unitId);
    return toChannel(row);
  }

  async get(id: string, scope?: ScopeLike): Promise<Channel | null> {
    const query = this.db.selectFrom('channels').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toChannel(row) : null;
  }

  async list(scope: ScopeLike): Promise<Channel[]> {
    const query = this.db.selectFrom('channels').selectAll().orderBy('unitId').orderBy('name').orderBy('id');
    return (await whereInScope(query, scope).execute()).map(toChannel);
  }

  async listEnabledOf(unitIds: readonly string[]): Promise<Channel[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('channels')
      .selectAll()
      .where('unitId', 'in', unitIds)
      .where('enabled', '=', 1)
      .orderBy('id')
      .execute();
    return rows.map(toChannel);
  }

  async update(id: string, patch: ChannelPatch): Promise<Channel> {
    const result = await this.db
      .updateTable('channels')
      .set(patchColumns(patch, this.clock.now()))
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('channel', id);
    const updated = await this.get(id);
    if (!updated) throw notFound('channel', id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('channels').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('channel', id);
  }

  async addShift(input: DutyShiftInput): Promise<DutyShift> {
    if (!(input.endsAt > input.startsAt)) {
      throw new AppError('BAD_REQUEST', 'a duty shift must end after it starts', { ...input });
    }
    const now = this.clock.now();
    const row = {
      id: newId(now),
      unitId: input.unitId,
      userId: input.userId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      levels: input.levels ? toJsonText(input.levels) : null,
      note: input.note ?? null,
      createdAt: now,
    };
    await insertOrNotFound(
      () => this.db.insertInto('dutyRoster').values(row).execute(),
      'user or unit',
      `${input.userId}/${input.unitId}`,
    );
    return toShift(row);
  }

  async getShift(id: string, scope?: ScopeLike): Promise<DutyShift | null> {
    const query = this.db.selectFrom('dutyRoster').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toShift(row) : null;
  }

  async listShifts(scope: ScopeLike, from: number, to: number): Promise<DutyShift[]> {
    const query = this.db
      .selectFrom('dutyRoster')
      .selectAll()
      .where('startsAt', '<', to)
      .where('endsAt', '>', from)
      .orderBy('startsAt')
      .orderBy('id');
    return (await whereInScope(query, scope).execute()).map(toShift);
  }

  async deleteShift(id: string): Promise<void> {
    const result = await this.db.deleteFrom('dutyRoster').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('duty shift', id);
  }

  async setContact(userId: string, email: string | null): Promise<void> {
    const now = this.clock.now();
    await insertOrNotFound(
      () =>
        this.db
          .insertInto('alertContacts')
          .values({ userId, email, updatedAt: now })
          .onConflict((oc) => oc.column('userId').doUpdateSet({ email, updatedAt: now }))
          .execute(),
      'user',
      userId,
    );
  }

  async contactsOf(unitIds: readonly string[]): Promise<AlertContact[]> {
    if (unitIds.length === 0) return [];
    const users = await this.db
      .selectFrom('users')
      .leftJoin('alertContacts', 'alertContacts.userId', 'users.id')
      .select(['users.id', 'users.unitId', 'users.displayName', 'alertContacts.email'])
      .where('users.unitId', 'in', unitIds)
      .where('users.disabled', '=', 0)
      .orderBy('users.id')
      .execute();
    if (users.length === 0) return [];
    const roleRows = await this.db
      .selectFrom('userRoles')
      .select(['userId', 'role'])
      .where(
        'userId',
        'in',
        users.map((user) => user.id),
      )
      .execute();
    const roles = new Map<string, Role[]>();
    for (const { userId, role } of roleRows) {
      if (!(ROLES as readonly string[]).includes(role)) continue;
      roles.set(userId, [...(roles.get(userId) ?? []), role as Role]);
    }
    return users.map((user) => ({
      userId: user.id,
      unitId: user.unitId,
      displayName: user.displayName,
      roles: roles.get(user.id) ?? [],
      email: user.email,
    }));
  }
}
