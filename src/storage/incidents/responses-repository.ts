/** Statements (口径) of incidents and every version of their text, through Kysely. */
import type { Kysely } from 'kysely';
import type { IncidentResponse, IncidentResponseVersion } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { Database } from '../schema.js';
import { toResponse } from './rows.js';
import type { IncidentResponsePatch, IncidentResponseRepository } from './types.js';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `incident response ${id} does not exist`, {
    id,
    entity: 'incident_response',
  });
}

/** Statements in SQLite or PostgreSQL. */
export class KyselyIncidentResponseRepository implements IncidentResponseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(response: IncidentResponse, note: string | null): Promise<IncidentResponse> {
    await this.db.insertInto('incidentResponses').values(response).execute();
    await this.addVersion({
      responseId: response.id,
      version: response.version,
      title: response.title,
      content: response.content,
      editedBy: response.createdBy,
      editedAt: response.createdAt,
      note,
    });
    return response;
  }

  async get(id: string): Promise<IncidentResponse | null> {
    const row = await this.db
      .selectFrom('incidentResponses')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toResponse(row) : null;
  }

  async listFor(incidentId: string): Promise<IncidentResponse[]> {
    const rows = await this.db
      .selectFrom('incidentResponses')
      .selectAll()
      .where('incidentId', '=', incidentId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    return rows.map(toResponse);
  }

  async update(id: string, patch: IncidentResponsePatch, at: number): Promise<IncidentResponse> {
    const result = await this.db
      .updateTable('incidentResponses')
      .set({ ...patch, updatedAt: at })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(id);
    const updated = await this.get(id);
    if (!updated) throw notFound(id);
    return updated;
  }

  async addVersion(version: IncidentResponseVersion): Promise<void> {
    await this.db.insertInto('incidentResponseVersions').values(version).execute();
  }

  versions(responseId: string): Promise<IncidentResponseVersion[]> {
    return this.db
      .selectFrom('incidentResponseVersions')
      .selectAll()
      .where('responseId', '=', responseId)
      .orderBy('version', 'desc')
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('incidentResponseVersions').where('responseId', '=', id).execute();
    const result = await this.db.deleteFrom('incidentResponses').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(id);
  }
}
