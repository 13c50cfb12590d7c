/**
 * API tokens. Only the SHA-256 of the secret is stored; a token is active while it is neither revoked nor
 * past its expiry. Revoking keeps the row (and its first revocation time) for the audit trail.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ApiToken } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import type { TokenRepository } from '../repositories.js';
import type { ApiTokensTable, Database } from '../schema.js';

type TokenRow = Selectable<ApiTokensTable>;

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

function tokenNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `API token ${id} does not exist`, { id, entity: 'token' });
}

/** API tokens in SQLite or PostgreSQL through Kysely. */
export class KyselyTokenRepository implements TokenRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: {
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    expiresAt: number | null;
  }): Promise<ApiToken> {
    const now = this.clock.now();
    const row: TokenRow = {
      id: newId(now),
      userId: input.userId,
      name: input.name,
      tokenHash: input.tokenHash,
      prefix: input.prefix,
      createdAt: now,
      expiresAt: input.expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    try {
      await this.db.insertInto('apiTokens').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'a token with this secret already exists');
      if (isForeignKeyViolation(error)) {
        throw new AppError('NOT_FOUND', `user ${input.userId} does not exist`, {
          id: input.userId,
          entity: 'user',
        });
      }
      throw error;
    }
    return toToken(row);
  }

  async findActive(tokenHash: string, now: number): Promise<ApiToken | null> {
    const row = await this.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .where('revokedAt', 'is', null)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async get(id: string): Promise<ApiToken | null> {
    const row = await this.db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  /** The user's tokens, newest first, revoked and expired ones included. */
  async listByUser(userId: string): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toToken);
  }

  /** Revokes the token; revoking it again keeps the first revocation time. */
  async revoke(id: string, at: number): Promise<void> {
    const result = await this.db
      .updateTable('apiTokens')
      .set({ revokedAt: at })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n && !(await this.get(id))) throw tokenNotFound(id);
  }

  async touch(id: string, at: number): Promise<void> {
    const result = await this.db
      .updateTable('apiTokens')
      .set({ lastUsedAt: at })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw tokenNotFound(id);
  }
}
