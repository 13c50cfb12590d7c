/**
 * Source health events (failing, silent, recovered), append-only; alerts read them newest first.
 */
import type { Kysely, Selectable } from 'kysely';
import type { SourceHealthEvent } from '../../domain/index.js';
import { newId } from '../../platform/ids.js';
import { decodeTimeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope, SourceHealthEventRepository } from '../repositories.js';
import type { Database, SourceHealthEventsTable } from '../schema.js';
import { whereInScope } from '../scope.js';

type EventState = SourceHealthEvent['state'];
const STATES: readonly EventState[] = ['failing', 'silent', 'recovered'];

function toEvent(row: Selectable<SourceHealthEventsTable>): SourceHealthEvent {
  const state = STATES.find((known) => known === row.state) ?? 'failing';
  return { ...row, state };
}

/** Source health events in SQLite or PostgreSQL through Kysely. */
export class KyselySourceHealthEventRepository implements SourceHealthEventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(event: Omit<SourceHealthEvent, 'id'>): Promise<SourceHealthEvent> {
    const row = { id: newId(event.at), ...event };
    await this.db.insertInto('sourceHealthEvents').values(row).execute();
    return row;
  }

  async list(
    scope: Scope,
    filter: { sourceId?: string; since?: number },
    page: PageRequest,
  ): Promise<Page<SourceHealthEvent>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('sourceHealthEvents')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.sourceId !== undefined) query = query.where('sourceId', '=', filter.sourceId);
    if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
    if (page.cursor) {
      const { at, id } = decodeTimeIdCursor(page.cursor);
      query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ at: row.at, id: row.id }), toEvent);
  }
}
