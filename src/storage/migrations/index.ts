/**
 * The numbered migrations, in order. Each runs in a transaction (Kysely's Migrator does this on both
 * engines). Add a new file `NNNN-name.ts` and list it here; never edit a released migration.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectName } from '../dialect/types.js';
import * as core from './0001-core.js';
import * as collection from './0002-collection.js';
import * as analysis from './0003-analysis.js';
import * as events from './0004-events.js';
import * as alerts from './0005-alerts.js';
import * as delivery from './0006-delivery.js';
import * as authoritySpikes from './0007-authority-spikes.js';
import * as evaluation from './0008-evaluation.js';
import * as caseTimeline from './0009-case-timeline.js';
import * as caseDeadlines from './0010-case-deadlines.js';
import * as incidents from './0011-incidents.js';
import * as calendarDuty from './0012-calendar-duty.js';
import * as evidencePlans from './0013-evidence-plans.js';
import * as cluesAppeals from './0014-clues-appeals.js';
import * as publicationsBulletins from './0015-publications-bulletins.js';
import * as reports from './0016-reports.js';
import * as itemsPartitions from './0017-items-partitions.js';
import * as overviewIndexes from './0018-overview-indexes.js';
import * as alertGrowthValues from './0019-alert-growth-values.js';
import * as eventItemsPublished from './0020-event-items-published.js';

/** A migration that may differ per engine. */
interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

const MIGRATIONS: ReadonlyArray<readonly [string, DialectMigration]> = [
  ['0001-core', core],
  ['0002-collection', collection],
  ['0003-analysis', analysis],
  ['0004-events', events],
  ['0005-alerts', alerts],
  ['0006-delivery', delivery],
  ['0007-authority-spikes', authoritySpikes],
  ['0008-evaluation', evaluation],
  ['0009-case-timeline', caseTimeline],
  ['0010-case-deadlines', caseDeadlines],
  ['0011-incidents', incidents],
  ['0012-calendar-duty', calendarDuty],
  ['0013-evidence-plans', evidencePlans],
  ['0014-clues-appeals', cluesAppeals],
  ['0015-publications-bulletins', publicationsBulletins],
  ['0016-reports', reports],
  ['0017-items-partitions', itemsPartitions],
  ['0018-overview-indexes', overviewIndexes],
  ['0019-alert-growth-values', alertGrowthValues],
  ['0020-event-items-published', eventItemsPublished],
];

function providerOf(
  migrations: ReadonlyArray<readonly [string, DialectMigration]>,
  dialect: DialectName,
): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      const result: Record<string, Migration> = {};
      for (const [name, migration] of migrations) {
        result[name] = { up: (db) => migration.up(db, dialect) };
      }
      return result;
    },
  };
}

/** Supplies the migrations to Kysely's Migrator, bound to the engine in use. */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  return providerOf(MIGRATIONS, dialect);
}
