/**
 * Evidence captures in SQLite or PostgreSQL through Kysely. Rows are written once and never changed; the
 * raw page and screenshot bytes sit in `evidence_blobs` so that lists do not read them.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import {
  EVIDENCE_RECORD_TYPES,
  type Evidence,
  type EvidenceBlobKind,
  type EvidenceItemSnapshot,
  type EvidenceRecordType,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonObject, toJsonText } from '../json-columns.js';
import { decodeIdCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest, Scope } from '../repositories.js';
import type { Database } from '../schema.js';
import { whereInScope } from '../scope.js';
import type { EvidenceTable } from './tables.js';
import type { EvidenceBlob, EvidenceCount, EvidenceFilter, EvidenceRepository } from './types.js';

type Row = Selectable<EvidenceTable>;

function recordTypeOf(value: string): EvidenceRecordType {
  if ((EVIDENCE_RECORD_TYPES as readonly string[]).includes(value)) return value as EvidenceRecordType;
  throw new AppError('INTERNAL', `evidence row has an unknown record type "${value}"`);
}

function snapshotOf(text: string): EvidenceItemSnapshot {
  return parseJsonObject(text, 'evidence.item') as unknown as EvidenceItemSnapshot;
}

function toEvidence(row: Row): Evidence {
  return { ...row, recordType: recordTypeOf(row.recordType), item: snapshotOf(row.item) };
}

function toRow(evidence: Evidence): Row {
  return { ...evidence, item: toJsonText(evidence.item) };
}

/** Evidence in SQLite or PostgreSQL. */
export class KyselyEvidenceRepository implements EvidenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(evidence: Evidence, blobs: readonly EvidenceBlob[]): Promise<Evidence> {
    await this.db.insertInto('evidence').values(toRow(evidence)).execute();
    for (const blob of blobs) {
      await this.db
        .insertInto('evidenceBlobs')
        .values({ evidenceId: evidence.id, kind: blob.kind, sha256: blob.sha256, bytes: blob.bytes })
        .execute();
    }
    return evidence;
  }

  async get(id: string, scope?: Scope): Promise<Evidence | null> {
    const query = this.db.selectFrom('evidence').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope).executeTakeFirst();
    return row ? toEvidence(row) : null;
  }

  async getMany(ids: readonly string[], scope?: Scope): Promise<Evidence[]> {
    if (ids.length === 0) return [];
    const query = this.db
      .selectFrom('evidence')
      .selectAll()
      .where('id', 'in', [...ids]);
    const rows = await whereInScope(query, scope).execute();
    const byId = new Map(rows.map((row) => [row.id, toEvidence(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async list(scope: Scope, filter: EvidenceFilter, page: PageRequest): Promise<Page<Evidence>> {
    const limit = pageLimit(page.limit);
    let query = this.db
      .selectFrom('evidence')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (page.cursor) query = query.where('id', '<', decodeIdCursor(page.cursor).id);
    if (filter.recordType !== undefined) query = query.where('recordType', '=', filter.recordType);
    if (filter.recordId !== undefined) query = query.where('recordId', '=', filter.recordId);
    if (filter.itemId !== undefined) query = query.where('itemId', '=', filter.itemId);
    if (filter.excludeRecordTypes && filter.excludeRecordTypes.length > 0) {
      query = query.where('recordType', 'not in', [...filter.excludeRecordTypes]);
    }
    const rows = await whereInScope(query, scope).execute();
    return toPage(rows, limit, (row) => ({ id: row.id }), toEvidence);
  }

  async getBlob(evidenceId: string, kind: EvidenceBlobKind): Promise<EvidenceBlob | null> {
    const row = await this.db
      .selectFrom('evidenceBlobs')
      .select(['kind', 'sha256', 'bytes'])
      .where('evidenceId', '=', evidenceId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? { kind, sha256: row.sha256, bytes: Buffer.from(row.bytes) } : null;
  }

  async countByUnit(scope: Scope, from: number, to: number): Promise<EvidenceCount[]> {
    const query = this.db
      .selectFrom('evidence')
      .select((eb) => [
        'unitId',
        'recordType',
        eb.fn.countAll<number | string>().as('captures'),
        eb.fn
          .sum<number | string | null>(
            sql<number>`case when ${sql.ref('rawSha256')} is null then 1 else 0 end`,
          )
          .as('withoutPage'),
      ])
      .where('capturedAt', '>=', from)
      .where('capturedAt', '<', to)
      .groupBy(['unitId', 'recordType'])
      .orderBy('unitId')
      .orderBy('recordType');
    const rows = await whereInScope(query, scope).execute();
    return rows.map((row) => ({
      unitId: row.unitId,
      recordType: recordTypeOf(row.recordType),
      captures: Number(row.captures),
      withoutPage: Number(row.withoutPage ?? 0),
    }));
  }
}
