/**
 * Console sessions. Only the SHA-256 of the cookie secret is stored; a session is active while it is not
 * revoked and not past `expiresAt` (sliding: `touch` moves it). `purge` removes what can never be active
 * again.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Session } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import type { SessionRepository } from '../repositories.js';
import type { Database, SessionsTable } from '../schema.js';

type SessionRow = Selectable<SessionsTable>;

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.userId,
    csrfToken: row.csrfToken,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
    revokedAt: row.revokedAt,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}

function sessionNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `session ${id} does not exist`, { id, entity: 'session' });
}

/** Sessions in SQLite or PostgreSQL through Kysely. */
export class KyselySessionRepository implements SessionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    expiresAt: number;
    ip: string | null;
    userAgent: string | null;
  }): Promise<Session> {
    const now = this.clock.now();
    const row: SessionRow = {
      id: newId(now),
      userId: input.userId,
      tokenHash: input.tokenHash,
      csrfToken: input.csrfToken,
      createdAt: now,
      expiresAt: input.expiresAt,
      lastSeenAt: now,
      revokedAt: null,
      ip: input.ip,
      userAgent: input.userAgent,
    };
    try {
      await this.db.insertInto('sessions').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', 'a session with this secret already exists');
      if (isForeignKeyViolation(error)) {
        throw new AppError('NOT_FOUND', `user ${input.userId} does not exist`, {
          id: input.userId,
          entity: 'user',
        });
      }
      throw error;
    }
    return toSession(row);
  }

  async findActive(tokenHash: string, now: number): Promise<Session | null> {
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async get(id: string): Promise<Session | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  /** The user's sessions, newest first, revoked and expired ones included until purged. */
  async listByUser(userId: string): Promise<Session[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toSession);
  }

  async touch(id: string, at: number, expiresAt: number): Promise<void> {
    const result = await this.db
      .updateTable('sessions')
      .set({ lastSeenAt: at, expiresAt })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw sessionNotFound(id);
  }

  /** Revokes the session; revoking it again keeps the first revocation time. */
  async revoke(id: string, at: number): Promise<void> {
    const result = await this.db
      .updateTable('sessions')
      .set({ revokedAt: at })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n && !(await this.get(id))) throw sessionNotFound(id);
  }

  /** Revokes every session of the user not yet revoked; returns how many. */
  async revokeAllForUser(userId: string, at: number): Promise<number> {
    const result = await this.db
      .updateTable('sessions')
      .set({ revokedAt: at })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async purge(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expiresAt', '<', before), eb('revokedAt', '<', before)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
