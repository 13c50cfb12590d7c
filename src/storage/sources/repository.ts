/**
 * Sources. `config` is kind-specific JSON kept as text and `enabled` a 0/1 integer, so both engines store
 * the same bytes. Lists are newest first (id descending) with a keyset cursor. Besides the CRUD of the
 * console, the scheduler asks for due sources and records how each fetch ended.
 */
import { sql, type Kysely, type UpdateObject, type Updateable } from 'kysely';
import type { Source, SourceKind } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation, isUniqueViolation } from '../constraint-errors.js';
import { toJsonText } from '../json-columns.js';
import { decodeIdCursor, pageLimit, toPage } from '../paging.js';
import type {
  Page,
  PageRequest,
  Scope,
  SourceFetchUpdate,
  SourceInput,
  SourceRepository,
} from '../repositories.js';
import type { Database, SourcesTable } from '../schema.js';
import { whereInScope } from '../scope.js';
import { newSourceRow, patchColumns, toSource, type SourcePatch } from './rows.js';

/** How often a source is fetched when its creator does not say (15 minutes). */
export const DEFAULT_SOURCE_INTERVAL_SECONDS = 900;

/** Kinds that are never fetched on a schedule: their items arrive by upload or push. */
const UNSCHEDULED_KINDS: readonly SourceKind[] = ['import', 'push'];

function sourceNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `source ${id} does not exist`, { id, entity: 'source' });
}

/** The columns one recorded fetch changes; counters are computed by the database, so they stay atomic. */
function fetchColumns(update: SourceFetchUpdate): UpdateObject<Database, 'sources'> {
  const columns: UpdateObject<Database, 'sources'> = {
    lastFetchAt: update.at,
    nextFetchAt: update.nextFetchAt,
    health: update.health,
    consecutiveErrors: update.ok ? 0 : sql<number>`${sql.ref('consecutiveErrors')} + 1`,
    ...(update.ok && { lastSuccessAt: update.at }),
    ...(update.newItems > 0 && { lastNewItemAt: update.at }),
    ...(update.state !== undefined && { state: toJsonText(update.state) }),
  };
  if (update.error) {
    columns.lastError = update.error.message;
    columns.lastErrorCode = update.error.code;
    columns.lastErrorAt = update.at;
  } else if (!update.ok) {
    columns.lastErrorAt = update.at;
  }
  return columns;
}

/** Sources in SQLite or PostgreSQL through Kysely. */
export class KyselySourceRepository implements SourceRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: SourceInput): Promise<Source> {
    const now = this.clock.now();
    const row = newSourceRow(newId(now), input, DEFAULT_SOURCE_INTERVAL_SECONDS, now);
    try {
      await this.db.insertInto('sources').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
        id: input.unitId,
        entity: 'unit',
      });
    }
    return toSource(row);
  }

  async get(id: string, scope?: Scope): Promise<Source | null> {
    const query = this.db.selectFrom('sources').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toSource(row) : null;
  }

  async list(
    scope: Scope,
    filter: { kind?: SourceKind; enabled?: boolean },
    page: PageRequest,
  ): Promise<Page<Source>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('sources')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled ? 1 : 0);
    if (page.cursor) query = query.where('id', '<', decodeIdCursor(page.cursor).id);
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toSource);
  }

  async update(id: string, patch: SourcePatch): Promise<Source> {
    await this.updateColumns(id, { ...patchColumns(patch), updatedAt: this.clock.now() });
    return this.read(id);
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw sourceNotFound(id);
  }

  async listDue(now: number, limit: number): Promise<Source[]> {
    const rows = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('enabled', '=', 1)
      .where('kind', 'not in', UNSCHEDULED_KINDS)
      .where((eb) => eb.or([eb('nextFetchAt', 'is', null), eb('nextFetchAt', '<=', now)]))
      .orderBy(sql`coalesce(next_fetch_at, 0)`)
      .orderBy('id')
      .limit(Math.max(1, Math.floor(limit)))
      .execute();
    return rows.map(toSource);
  }

  async recordFetch(id: string, update: SourceFetchUpdate): Promise<Source> {
    await this.updateColumns(id, fetchColumns(update));
    return this.read(id);
  }

  async setNextFetch(id: string, at: number | null): Promise<void> {
    await this.updateColumns(id, { nextFetchAt: at });
  }

  async setIngestToken(id: string, tokenHash: string | null): Promise<void> {
    try {
      await this.updateColumns(id, { ingestTokenHash: tokenHash });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError('CONFLICT', `another source already has this push token (source ${id})`, {
        id,
        entity: 'source',
      });
    }
  }

  async findByIngestToken(tokenHash: string): Promise<Source | null> {
    const row = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('ingestTokenHash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toSource(row) : null;
  }

  private async updateColumns(
    id: string,
    columns: UpdateObject<Database, 'sources'> | Updateable<SourcesTable>,
  ): Promise<void> {
    const result = await this.db.updateTable('sources').set(columns).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw sourceNotFound(id);
  }

  private async read(id: string): Promise<Source> {
    const row = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw sourceNotFound(id);
    return toSource(row);
  }
}
