import { describe, expect, it } from 'vitest';
import { buildCueTrie, scanCues } from './cues.js';

const trie = buildCueTrie();

describe('scanCues', () => {
  it.each([
    ['服务很好', 1.5, 0, 0, 1],
    ['服务不好', 0, 1, 0, 0],
    ['不太满意', 0, 0.8, 1, 0],
    ['没有问题', 0.8, 0, 1, 0],
    ['不但便宜而且干净', 2, 0, 0, 0],
    ['好像下雨了', 0, 0, 0, 0],
  ])(
    '%s → positive %d, negative %d, negations %d, degrees %d',
    (text, positive, negative, negations, degrees) => {
      const scan = scanCues(text, trie);
      expect(scan.positive).toBeCloseTo(positive, 6);
      expect(scan.negative).toBeCloseTo(negative, 6);
      expect(scan.negations).toBe(negations);
      expect(scan.degrees).toBe(degrees);
    },
  );

  it.each([
    ['虽然贵，但是好', 1, 0.25, true],
    ['房间干净，不过很吵', 0.5, 1.5, false],
  ])('%s: clauses before the adversative weigh less', (text, positive, negative, concessive) => {
    const scan = scanCues(text, trie);
    expect(scan.adversativeAt).toBeGreaterThan(0);
    expect(scan.positive).toBeCloseTo(positive, 6);
    expect(scan.negative).toBeCloseTo(negative, 6);
    expect(scan.concessive).toBe(concessive);
  });

  it('a negation does not cross a clause break', () => {
    const scan = scanCues('没去，挺好', trie);
    expect(scan.negations).toBe(0);
    expect(scan.positive).toBeCloseTo(1.5, 6);
  });
});
