/**
 * Bulletin scoring (信息工作考核), pure: points per adoption level and per instruction level from the
 * office's scheme. A bulletin adopted by the province and given a city leader's instruction scores the
 * sum of both; totals add bulletins up.
 */
import {
  BULLETIN_LEVELS,
  type BulletinLevel,
  type BulletinScoring,
  type PerLevel,
} from '../../domain/index.js';

/** Zero for every level. */
export function zeroPerLevel(): PerLevel {
  return { national: 0, provincial: 0, municipal: 0, county: 0 };
}

/** The points of one bulletin's adoptions and instructions. */
export function scoreBulletin(
  scoring: BulletinScoring,
  records: {
    adoptions: ReadonlyArray<{ level: BulletinLevel }>;
    instructions: ReadonlyArray<{ level: BulletinLevel }>;
  },
): number {
  const adoption = records.adoptions.reduce((sum, row) => sum + scoring.adoption[row.level], 0);
  const instruction = records.instructions.reduce((sum, row) => sum + scoring.instruction[row.level], 0);
  return adoption + instruction;
}

/** The points of counts by level (adoptions and instructions of a period). */
export function scoreCounts(scoring: BulletinScoring, adoptions: PerLevel, instructions: PerLevel): number {
  return BULLETIN_LEVELS.reduce(
    (sum, level) =>
      sum + adoptions[level] * scoring.adoption[level] + instructions[level] * scoring.instruction[level],
    0,
  );
}
