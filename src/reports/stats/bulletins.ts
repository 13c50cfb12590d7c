/**
 * Bulletin figures of a period for a scope: submitted, adopted and instructed (by level) and the score,
 * each unit's adoptions and instructions weighted by that unit's own scheme.
 */
import type { BulletinScoring, BulletinStats, PerLevel } from '../../domain/index.js';
import type { BulletinStatsRows, Scope, StatsPeriod, Storage } from '../../storage/repositories.js';

function zeroPerLevel(): PerLevel {
  return { national: 0, provincial: 0, municipal: 0, county: 0 };
}

/** Combines stored counts into figures; `scoringOf` gives each unit's scheme. Pure. */
export function combineBulletinStats(
  rows: BulletinStatsRows,
  scoringOf: (unitId: string) => BulletinScoring,
): BulletinStats {
  const adoptionsByLevel = zeroPerLevel();
  const instructionsByLevel = zeroPerLevel();
  let score = 0;
  for (const row of rows.adoptions) {
    adoptionsByLevel[row.level] += row.count;
    score += row.count * scoringOf(row.unitId).adoption[row.level];
  }
  for (const row of rows.instructions) {
    instructionsByLevel[row.level] += row.count;
    score += row.count * scoringOf(row.unitId).instruction[row.level];
  }
  return {
    submitted: rows.submitted,
    adopted: rows.adoptedBulletins,
    adoptionsByLevel,
    instructed: rows.instructedBulletins,
    instructionsByLevel,
    score,
  };
}

/** The bulletin figures of `scope` in `period`, read from storage. */
export async function bulletinStats(
  storage: Pick<Storage, 'bulletins'>,
  scope: Scope,
  period: StatsPeriod,
): Promise<BulletinStats> {
  const rows = await storage.bulletins.stats(scope, period);
  const unitIds = [...new Set([...rows.adoptions, ...rows.instructions].map((row) => row.unitId))];
  const schemes = new Map<string, BulletinScoring>();
  for (const unitId of unitIds) schemes.set(unitId, (await storage.bulletins.getSettings(unitId)).scoring);
  return combineBulletinStats(rows, (unitId) => {
    const scheme = schemes.get(unitId);
    if (!scheme) throw new Error(`no scoring scheme loaded for unit ${unitId}`);
    return scheme;
  });
}
