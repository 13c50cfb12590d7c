/** Bulletin scores under the default and an office's own scheme. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BULLETIN_SCORING, type BulletinLevel, type BulletinScoring } from '../../domain/index.js';
import { scoreBulletin, scoreCounts, zeroPerLevel } from './scoring.js';

const OWN: BulletinScoring = {
  adoption: { national: 100, provincial: 50, municipal: 20, county: 5 },
  instruction: { national: 200, provincial: 80, municipal: 30, county: 10 },
};

const rows = (...levels: BulletinLevel[]) => levels.map((level) => ({ level }));

describe('scoreBulletin', () => {
  it.each([
    ['nothing recorded', DEFAULT_BULLETIN_SCORING, [], [], 0],
    ['one provincial adoption', DEFAULT_BULLETIN_SCORING, rows('provincial'), [], 5],
    [
      'national adoption and municipal instruction',
      DEFAULT_BULLETIN_SCORING,
      rows('national'),
      rows('municipal'),
      15,
    ],
    [
      'two adoptions, two instructions',
      DEFAULT_BULLETIN_SCORING,
      rows('county', 'municipal'),
      rows('national', 'county'),
      26,
    ],
    ['office scheme', OWN, rows('provincial'), rows('provincial'), 130],
  ] as const)('%s', (_name, scoring, adoptions, instructions, expected) => {
    expect(scoreBulletin(scoring, { adoptions, instructions })).toBe(expected);
  });
});

describe('scoreCounts', () => {
  it('weights counts by level', () => {
    const adoptions = { ...zeroPerLevel(), provincial: 2, county: 3 };
    const instructions = { ...zeroPerLevel(), national: 1 };
    expect(scoreCounts(DEFAULT_BULLETIN_SCORING, adoptions, instructions)).toBe(2 * 5 + 3 * 1 + 20);
    expect(scoreCounts(OWN, zeroPerLevel(), zeroPerLevel())).toBe(0);
  });
});
