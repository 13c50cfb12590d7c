/** Combining stored bulletin counts: totals by level and the score by each unit's scheme. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BULLETIN_SCORING, type BulletinScoring } from '../../domain/index.js';
import { combineBulletinStats } from './bulletins.js';

const GENEROUS: BulletinScoring = {
  adoption: { national: 100, provincial: 50, municipal: 20, county: 5 },
  instruction: { national: 200, provincial: 80, municipal: 30, county: 10 },
};

describe('combineBulletinStats', () => {
  it('adds levels across units and scores each unit by its scheme', () => {
    const stats = combineBulletinStats(
      {
        submitted: 7,
        adoptedBulletins: 3,
        instructedBulletins: 1,
        adoptions: [
          { unitId: 'a', level: 'provincial', count: 2 },
          { unitId: 'b', level: 'provincial', count: 1 },
          { unitId: 'b', level: 'county', count: 1 },
        ],
        instructions: [{ unitId: 'a', level: 'municipal', count: 1 }],
      },
      (unitId) => (unitId === 'b' ? GENEROUS : DEFAULT_BULLETIN_SCORING),
    );
    expect(stats).toEqual({
      submitted: 7,
      adopted: 3,
      adoptionsByLevel: { national: 0, provincial: 3, municipal: 0, county: 1 },
      instructed: 1,
      instructionsByLevel: { national: 0, provincial: 0, municipal: 1, county: 0 },
      score: 2 * 5 + 50 + 5 + 5,
    });
  });

  it('is all zero without records', () => {
    const stats = combineBulletinStats(
      { submitted: 0, adoptedBulletins: 0, instructedBulletins: 0, adoptions: [], instructions: [] },
      () => DEFAULT_BULLETIN_SCORING,
    );
    expect(stats.score).toBe(0);
    expect(stats.adoptionsByLevel).toEqual({ national: 0, provincial: 0, municipal: 0, county: 0 });
  });
});
