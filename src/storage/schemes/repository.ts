/**
 * Monitoring schemes. The structured words are JSON text (or null) and `enabled` a 0/1 integer. Lists are
 * newest first (id descending) with a keyset cursor.
 */
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Scheme, SchemeTarget, SchemeWords } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { parseJsonObject, toJsonText } from '../json-columns.js';
import { decodeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, SchemeInput, SchemeRepository, Scope } from '../repositories.js';
import type { Database, SchemesTable } from '../schema.js';
import { whereInScope } from '../scope.js';

type SchemeRow = Selectable<SchemesTable>;
type SchemePatch = Partial<Omit<SchemeInput, 'unitId' | 'createdBy'>>;

/** Reads the stored words, taking a missing or malformed group as empty. */
function parseWords(text: string | null): SchemeWords | null {
  if (text === null) return null;
  const value = parseJsonObject(text, 'schemes.words');
  const group = (key: keyof SchemeWords): string[] => {
    const list = value[key];
    return Array.isArray(list) ? list.filter((word): word is string => typeof word === 'string') : [];
  };
  return {
    regions: group('regions'),
    subjects: group('subjects'),
    people: group('people'),
    events: group('events'),
    excludes: group('excludes'),
  };
}

function toScheme(row: SchemeRow): Scheme {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    description: row.description,
    expression: row.expression,
    words: parseWords(row.words),
    target: row.target as SchemeTarget,
    enabled: row.enabled !== 0,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns a patch changes; keys left undefined stay as they are, null clears. */
function patchColumns(patch: SchemePatch): Updateable<SchemesTable> {
  return {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.expression !== undefined && { expression: patch.expression }),
    ...(patch.words !== undefined && { words: patch.words === null ? null : toJsonText(patch.words) }),
    ...(patch.target !== undefined && { target: patch.target }),
    ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
  };
}

function schemeNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `scheme ${id} does not exist`, { id, entity: 'scheme' });
}

/** Schemes in SQLite or PostgreSQL through Kysely. */
export class KyselySchemeRepository implements SchemeRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: SchemeInput): Promise<Scheme> {
    const now = this.clock.now();
    const row: SchemeRow = {
      id: newId(now),
      unitId: input.unitId,
      name: input.name,
      description: input.description ?? null,
      expression: input.expression,
      words: input.words ? toJsonText(input.words) : null,
      target: input.target ?? 'both',
      enabled: input.enabled === false ? 0 : 1,
      createdBy: input.createdBy ?? null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.db.insertInto('schemes').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', 'the unit or the creating user does not exist', {
        unitId: input.unitId,
        createdBy: input.createdBy ?? null,
      });
    }
    return toScheme(row);
  }

  async get(id: string, scope?: Scope): Promise<Scheme | null> {
    const query = this.db.selectFrom('schemes').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toScheme(row) : null;
  }

  async list(scope: Scope, filter: { enabled?: boolean }, page: PageRequest): Promise<Page<Scheme>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('schemes')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled ? 1 : 0);
    if (page.cursor) query = query.where('id', '<', decodeIdCursor(page.cursor).id);
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toScheme);
  }

  async update(id: string, patch: SchemePatch): Promise<Scheme> {
    const result = await this.db
      .updateTable('schemes')
      .set({ ...patchColumns(patch), updatedAt: this.clock.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw schemeNotFound(id);
    const row = await this.db
      .selectFrom('schemes')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toScheme(row);
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('schemes').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw schemeNotFound(id);
  }
}
