/**
 * Publications over Kysely: the record, its versions and the unit's secret terms. Lists are newest first
 * by (createdAt, id) with a keyset cursor; reads that take a scope see only units in it.
 */
import type { Kysely, Selectable } from 'kysely';
import {
  PUBLICATION_STATES,
  type Publication,
  type PublicationSettings,
  type PublicationState,
  type PublicationVersion,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import { parseJsonText, toJsonText } from '../json-columns.js';
import { beforeTimeId, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import type { PublicationsTable } from './tables.js';
import type {
  NewPublication,
  PublicationFilter,
  PublicationPatch,
  PublicationRepository,
  StatsPeriod,
} from './types.js';

type Row = Selectable<PublicationsTable>;

function toPublication(row: Row): Publication {
  return { ...row, state: row.state as PublicationState };
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `publication ${id} does not exist`, { id, entity: 'publication' });
}

function stringList(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of strings`);
  }
  return value as string[];
}

/** Publications in SQLite or PostgreSQL. */
export class KyselyPublicationRepository implements PublicationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewPublication, at: number): Promise<Publication> {
    const row: Row = {
      id: newId(at),
      unitId: input.unitId,
      title: input.title,
      body: input.body,
      channel: input.channel,
      incidentId: input.incidentId,
      state: input.state,
      version: 1,
      createdBy: input.createdBy,
      signedOffBy: null,
      signedOffAt: null,
      publishedUrl: null,
      publishedAt: null,
      rejectReason: null,
      withdrawReason: null,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.db.insertInto('publications').values(row).execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
        id: input.unitId,
        entity: 'unit',
      });
    }
    await this.addVersion({
      publicationId: row.id,
      version: 1,
      unitId: row.unitId,
      title: row.title,
      body: row.body,
      editedBy: input.createdBy,
      editedAt: at,
      note: input.note ?? null,
    });
    return toPublication(row);
  }

  async get(id: string, scope?: Scope): Promise<Publication | null> {
    const query = this.db.selectFrom('publications').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toPublication(row) : null;
  }

  private filtered(scope: Scope, filter: PublicationFilter) {
    let query = this.db.selectFrom('publications');
    if (filter.states && filter.states.length > 0) query = query.where('state', 'in', [...filter.states]);
    if (filter.incidentId !== undefined) query = query.where('incidentId', '=', filter.incidentId);
    if (filter.q !== undefined && filter.q.trim() !== '') {
      // % and _ keep their LIKE meaning: a search box, not a security boundary.
      query = query.where('title', 'like', `%${filter.q.trim()}%`);
    }
    if (filter.from !== undefined) query = query.where('createdAt', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('createdAt', '<', filter.to);
    return whereInScope(query, scope);
  }

  async list(scope: Scope, filter: PublicationFilter, page: PageRequest): Promise<Page<Publication>> {
    const limit = pageLimit(page.limit);
    let query = this.filtered(scope, filter)
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (page.cursor) query = query.where(beforeTimeId('createdAt', page.cursor));
    const rows = await query.execute();
    return toPage(rows, limit, (row) => ({ at: row.createdAt, id: row.id }), toPublication);
  }

  async countByState(
    scope: Scope,
    filter: Omit<PublicationFilter, 'states'>,
  ): Promise<Record<PublicationState, number>> {
    const rows = await this.filtered(scope, filter)
      .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
      .groupBy('state')
      .execute();
    const counts = Object.fromEntries(PUBLICATION_STATES.map((state) => [state, 0])) as Record<
      PublicationState,
      number
    >;
    for (const row of rows) counts[row.state as PublicationState] = Number(row.n);
    return counts;
  }

  async update(id: string, patch: PublicationPatch, at: number): Promise<Publication> {
    await this.db
      .updateTable('publications')
      .set({ ...patch, updatedAt: at })
      .where('id', '=', id)
      .execute();
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async addVersion(version: PublicationVersion & { unitId: string }): Promise<void> {
    await this.db.insertInto('publicationVersions').values(version).execute();
  }

  async versions(publicationId: string): Promise<PublicationVersion[]> {
    return this.db
      .selectFrom('publicationVersions')
      .select(['publicationId', 'version', 'title', 'body', 'editedBy', 'editedAt', 'note'])
      .where('publicationId', '=', publicationId)
      .orderBy('version')
      .execute();
  }

  async getSettings(unitId: string): Promise<PublicationSettings> {
    const row = await this.db
      .selectFrom('publicationSettings')
      .selectAll()
      .where('unitId', '=', unitId)
      .executeTakeFirst();
    if (!row) return { unitId, secretTerms: [], updatedAt: null };
    return {
      unitId,
      secretTerms: stringList(row.secretTerms, 'publication_settings.secret_terms'),
      updatedAt: row.updatedAt,
    };
  }

  async setSettings(
    unitId: string,
    secretTerms: readonly string[],
    at: number,
  ): Promise<PublicationSettings> {
    const terms = [...new Set(secretTerms.map((term) => term.trim()).filter((term) => term.length > 0))];
    const values = { unitId, secretTerms: toJsonText(terms), updatedAt: at };
    try {
      await this.db
        .insertInto('publicationSettings')
        .values(values)
        .onConflict((oc) =>
          oc.column('unitId').doUpdateSet({ secretTerms: values.secretTerms, updatedAt: at }),
        )
        .execute();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new AppError('NOT_FOUND', `unit ${unitId} does not exist`, { id: unitId, entity: 'unit' });
    }
    return { unitId, secretTerms: terms, updatedAt: at };
  }

  async countPublished(scope: Scope, period: StatsPeriod): Promise<number> {
    const query = this.db
      .selectFrom('publications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('publishedAt', '>=', period.from)
      .where('publishedAt', '<', period.to);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
