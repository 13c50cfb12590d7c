/**
 * Key accounts (重点账号) in SQLite or PostgreSQL through Kysely. Names are kept as staff typed them and,
 * for uniqueness and lookup, in normal form (`name_key`: NFKC, simplified, lower case, no leading `@`);
 * platforms are stored lower case, '' meaning every platform.
 */
import { sql, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import { normalizePlatform } from '../../analysis/authority/matcher.js';
import { KEY_ACCOUNT_WEIGHT_RANGE } from '../../analysis/authority/weights.js';
import { normalizeAuthorName } from '../../analysis/normalize/author.js';
import { MEDIA_TIERS, type KeyAccount, type MediaTier } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import { decodeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import type { KeyAccountsTable } from './tables.js';
import type { KeyAccountFilter, KeyAccountInput, KeyAccountPatch, KeyAccountRepository } from './types.js';

type Row = Selectable<KeyAccountsTable>;

function tierOf(value: string | null): MediaTier | null {
  return value !== null && (MEDIA_TIERS as readonly string[]).includes(value) ? (value as MediaTier) : null;
}

function toKeyAccount({ nameKey: _nameKey, platform, tier, ...row }: Row): KeyAccount {
  return { ...row, platform: platform === '' ? null : platform, tier: tierOf(tier) };
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `key account ${id} does not exist`, { id, entity: 'key_account' });
}

/** The normal name; BAD_REQUEST when nothing is left of it. */
function nameKeyOf(name: string): string {
  const key = normalizeAuthorName(name);
  if (key.length === 0) throw new AppError('BAD_REQUEST', 'a key account needs a name', { name });
  return key;
}

function checkWeight(weight: number): void {
  const { min, max } = KEY_ACCOUNT_WEIGHT_RANGE;
  if (!Number.isFinite(weight) || weight < min || weight > max) {
    throw new AppError('BAD_REQUEST', `a key account weight must be between ${min} and ${max}`, { weight });
  }
}

function conflict(input: { name: string; platform?: string | null }): AppError {
  return new AppError('CONFLICT', `key account "${input.name}" already exists on that platform`, {
    name: input.name,
    platform: input.platform ?? null,
  });
}

function patchColumns(patch: KeyAccountPatch): Updateable<KeyAccountsTable> {
  if (patch.weight !== undefined) checkWeight(patch.weight);
  return {
    ...(patch.name !== undefined && { name: patch.name.trim(), nameKey: nameKeyOf(patch.name) }),
    ...(patch.platform !== undefined && { platform: normalizePlatform(patch.platform) }),
    ...(patch.tier !== undefined && { tier: patch.tier }),
    ...(patch.weight !== undefined && { weight: patch.weight }),
    ...(patch.note !== undefined && { note: patch.note }),
  };
}

/** Escapes LIKE wildcards (the pattern uses `\` as its escape). */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Key accounts in SQLite or PostgreSQL through Kysely. */
export class KyselyKeyAccountRepository implements KeyAccountRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: KeyAccountInput): Promise<KeyAccount> {
    const weight = input.weight ?? 1;
    checkWeight(weight);
    const now = this.clock.now();
    const row: Row = {
      id: newId(now),
      unitId: input.unitId,
      platform: normalizePlatform(input.platform ?? null),
      name: input.name.trim(),
      nameKey: nameKeyOf(input.name),
      tier: input.tier ?? null,
      weight,
      note: input.note ?? null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.db.insertInto('keyAccounts').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(input);
      if (isForeignKeyViolation(error)) {
        throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
          id: input.unitId,
          entity: 'unit',
        });
      }
      throw error;
    }
    return toKeyAccount(row);
  }

  async get(id: string, scope?: Scope): Promise<KeyAccount | null> {
    const query = this.db.selectFrom('keyAccounts').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toKeyAccount(row) : null;
  }

  async list(scope: Scope, filter: KeyAccountFilter, page: PageRequest): Promise<Page<KeyAccount>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('keyAccounts')
      .selectAll()
      .orderBy('id')
      .limit(limit + 1);
    if (page.cursor) query = query.where('id', '>', decodeIdCursor(page.cursor).id);
    if (filter.platform !== undefined)
      query = query.where('platform', '=', normalizePlatform(filter.platform));
    const q = filter.q === undefined ? '' : normalizeAuthorName(filter.q);
    if (q.length > 0) {
      query = query.where(sql<SqlBool>`${sql.ref('nameKey')} like ${likeContains(q)} escape '\\'`);
    }
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toKeyAccount);
  }

  async listForUnits(unitIds: readonly string[]): Promise<KeyAccount[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('keyAccounts')
      .selectAll()
      .where('unitId', 'in', [...unitIds])
      .orderBy('id')
      .execute();
    return rows.map(toKeyAccount);
  }

  async update(id: string, patch: KeyAccountPatch): Promise<KeyAccount> {
    const current = await this.get(id);
    if (!current) throw notFound(id);
    const columns = patchColumns(patch);
    if (Object.keys(columns).length === 0) return current;
    try {
      await this.db
        .updateTable('keyAccounts')
        .set({ ...columns, updatedAt: this.clock.now() })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict({ name: patch.name ?? current.name, platform: patch.platform });
      throw error;
    }
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('keyAccounts').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(id);
  }
}
