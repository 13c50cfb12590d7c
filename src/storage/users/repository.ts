/**
 * Users and their roles (`users` + `user_roles`). Usernames are unique: a duplicate is a CONFLICT. Lists
 * are ordered by id (creation order) with a keyset cursor.
 */
import type { Kysely, Selectable } from 'kysely';
import { ROLES, type Role, type User } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isUniqueViolation } from '../constraint-errors.js';
import { decodeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope, UserRepository, UserWithSecret } from '../repositories.js';
import type { Database, UsersTable } from '../schema.js';
import { whereInScope } from '../scope.js';
import { atomically } from '../transactions.js';

type UserRow = Selectable<UsersTable>;

/** The fields of a user that may change. */
type UserPatch = { displayName?: string; roles?: Role[]; disabled?: boolean; unitId?: string };

/** Roles without duplicates, in catalogue order, so a user's roles always read the same way. */
function canonicalRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

function toUser(row: UserRow, roles: readonly string[]): User {
  return {
    id: row.id,
    unitId: row.unitId,
    username: row.username,
    displayName: row.displayName,
    roles: canonicalRoles(roles),
    disabled: row.disabled !== 0,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastLoginAt: row.lastLoginAt,
  };
}

/** Users in SQLite or PostgreSQL through Kysely. */
export class KyselyUserRepository implements UserRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: {
    unitId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    roles: Role[];
  }): Promise<User> {
    const now = this.clock.now();
    const row: UserRow = {
      id: newId(now),
      unitId: input.unitId,
      username: input.username,
      displayName: input.displayName,
      passwordHash: input.passwordHash,
      disabled: 0,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    };
    await atomically(this.db, async (db) => {
      await requireUnit(db, input.unitId);
      await insertUser(db, row);
      await replaceRoles(db, row.id, input.roles);
    });
    return toUser(row, input.roles);
  }

  async get(id: string, scope?: Scope): Promise<User | null> {
    const query = this.db.selectFrom('users').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toUser(row, await this.rolesOf(this.db, id)) : null;
  }

  async getWithSecretByUsername(username: string): Promise<UserWithSecret | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    if (!row) return null;
    return { user: toUser(row, await this.rolesOf(this.db, row.id)), passwordHash: row.passwordHash };
  }

  async list(scope: Scope, page: PageRequest): Promise<Page<User>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('users')
      .selectAll()
      .orderBy('id')
      .limit(limit + 1);
    if (page.cursor) query = query.where('id', '>', decodeIdCursor(page.cursor).id);
    const rows = await whereInScope(query, scope).execute();
    const roles = await this.rolesByUser(rows.slice(0, limit).map((row) => row.id));
    return toPage(
      rows,
      limit,
      (row) => ({ id: row.id }),
      (row) => toUser(row, roles.get(row.id) ?? []),
    );
  }

  async update(id: string, patch: UserPatch): Promise<User> {
    return atomically(this.db, async (db) => {
      if (patch.unitId !== undefined) await requireUnit(db, patch.unitId);
      const result = await db
        .updateTable('users')
        .set({
          ...(patch.displayName !== undefined && { displayName: patch.displayName }),
          ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
          ...(patch.unitId !== undefined && { unitId: patch.unitId }),
          updatedAt: this.clock.now(),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw userNotFound(id);
      if (patch.roles !== undefined) await replaceRoles(db, id, patch.roles);
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toUser(row, await this.rolesOf(db, id));
    });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.updateOrThrow(id, { passwordHash, updatedAt: this.clock.now() });
  }

  async recordLogin(id: string, at: number): Promise<void> {
    await this.updateOrThrow(id, { lastLoginAt: at });
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async updateOrThrow(
    id: string,
    values: { passwordHash?: string; lastLoginAt?: number; updatedAt?: number },
  ): Promise<void> {
    const result = await this.db.updateTable('users').set(values).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw userNotFound(id);
  }

  private async rolesOf(db: Kysely<Database>, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute();
    return rows.map((row) => row.role);
  }

  /** The roles of several users in one query. */
  private async rolesByUser(userIds: string[]): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    if (userIds.length === 0) return byUser;
    const rows = await this.db
      .selectFrom('userRoles')
      .select(['userId', 'role'])
      .where('userId', 'in', userIds)
      .execute();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.role]);
    return byUser;
  }
}

function userNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `user ${id} does not exist`, { id, entity: 'user' });
}

async function requireUnit(db: Kysely<Database>, unitId: string): Promise<void> {
  const row = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `unit ${unitId} does not exist`, { id: unitId, entity: 'unit' });
}

async function insertUser(db: Kysely<Database>, row: UserRow): Promise<void> {
  try {
    await db.insertInto('users').values(row).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('CONFLICT', `username "${row.username}" is taken`, { field: 'username' });
  }
}

async function replaceRoles(db: Kysely<Database>, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
  const rows = canonicalRoles(roles).map((role) => ({ userId, role }));
  if (rows.length > 0) await db.insertInto('userRoles').values(rows).execute();
}
