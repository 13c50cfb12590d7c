/**
 * The storage face of item partitions: on PostgreSQL the maintenance of storage/partitions/maintain.ts; on
 * SQLite, which does not partition, a run that has nothing to do.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';
import type { ItemPartitionMaintenance, ItemPartitionReport } from '../repositories.js';
import type { Database } from '../schema.js';
import { maintainItemPartitions } from './maintain.js';

/** Item partition maintenance over one database. */
export class KyselyItemPartitions implements ItemPartitionMaintenance {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  maintain(now: number): Promise<ItemPartitionReport> {
    if (this.dialect !== 'postgres') return Promise.resolve({ created: [], moved: 0 });
    return maintainItemPartitions(this.db as unknown as Kysely<unknown>, now);
  }
}
