/**
 * The one query module of the work summary: for a unit scope and a period, every figure the summary
 * needs (incidents by level and verification result, appeals received / replied / on time, clues
 * transferred and filed, bulletins submitted / adopted / instructed, publications published).
 */
import type { Storage } from '../../storage/repositories.js';
import { bulletinStats } from './bulletins.js';
import { combineAppeals, combineClues, combineIncidents } from './combine.js';
import type { CaseStatsSource, StatsQuery, WorkStats } from './types.js';

/** The figures of `query`, read through `source`. */
export async function collectWorkStats(source: CaseStatsSource, query: StatsQuery): Promise<WorkStats> {
  const [incidents, appeals, clues, bulletins, published] = await Promise.all([
    source.incidents(query),
    source.appeals(query),
    source.clues(query),
    source.bulletins(query),
    source.publications(query),
  ]);
  return {
    from: query.from,
    to: query.to,
    incidents: combineIncidents(incidents),
    appeals: combineAppeals(appeals),
    clues: combineClues(clues),
    bulletins,
    publications: { published },
  };
}

/** Every figure read from the repositories of `storage`. */
export function storageCaseStatsSource(
  storage: Pick<Storage, 'incidents' | 'appeals' | 'clues' | 'bulletins' | 'publications'>,
): CaseStatsSource {
  const period = (query: StatsQuery) => ({ from: query.from, to: query.to });
  return {
    incidents: (query) => storage.incidents.statistics({ unitIds: query.scope.unitIds, ...period(query) }),
    appeals: (query) => storage.appeals.stats(query.scope, period(query), 'unit'),
    clues: (query) => storage.clues.filingStats(query.scope, period(query)),
    bulletins: (query) => bulletinStats(storage, query.scope, period(query)),
    publications: (query) => storage.publications.countPublished(query.scope, period(query)),
  };
}
