import { describe, expect, it } from 'vitest';
import { FeatureBuffer } from './buffer.js';
import { buildCueTrie, scanCues } from './cues.js';
import { DENSE_FEATURES, extractFeatures, featureRows, type FeatureSettings } from './features.js';

const trie = buildCueTrie();
const SETTINGS: FeatureSettings = {
  hashBits: 16,
  beforeAdversativeWeight: 0.6,
  wordWeight: 1,
  charUnigrams: true,
  charFourGrams: false,
  wordBigrams: true,
  emotionWordsOnly: true,
};
const DENSE = DENSE_FEATURES.length + 1;

function features(text: string, words: string[] = [], settings = SETTINGS): FeatureBuffer {
  const out = new FeatureBuffer();
  extractFeatures(text, scanCues(text, trie), settings, words, out);
  return out;
}

function rowsOf(buffer: FeatureBuffer, from = 0, to = buffer.length): number[] {
  return [...buffer.rows.subarray(from, to)];
}

describe('extractFeatures', () => {
  it.each([
    ['房间', [], 3],
    ['房间干净', [], 4 + 3 + 2],
    ['房 间', [], 2],
    ['房间干净', ['房间', '干净'], 9 + 3],
    ['房间干净', ['房间', '干净', '好'], 9 + 5],
  ])('%s with words %j: %d hashed features before the dense ones', (text, words, count) => {
    expect(features(text, words).length).toBe(count + DENSE);
  });

  it.each([
    ['房间干净', 4 + 3 + 2 - 4],
    ['服务很好', 9 - 4],
  ])('without character unigrams %s has %d hashed character features', (text, count) => {
    expect(features(text, [], { ...SETTINGS, charUnigrams: false }).length).toBe(count + DENSE);
  });

  it('puts the word features after the character features (where the emotion head starts)', () => {
    const out = features('房间干净', ['房间', '干净']);
    expect(out.wordsFrom).toBe(9);
    expect(out.length - out.wordsFrom).toBe(3 + DENSE);
  });

  it.each([
    ['好不好', '不好好'],
    ['房间干净', '干净房间'],
  ])('character order matters: %s and %s share unigrams, not all rows', (a, b) => {
    const rowsA = rowsOf(features(a));
    const rowsB = rowsOf(features(b));
    expect(rowsA.sort()).not.toEqual(rowsB.sort());
  });

  it('gives the same n-gram the same row wherever it occurs', () => {
    const alone = rowsOf(features('干净'), 0, 3);
    const inside = rowsOf(features('房间干净'));
    for (const row of alone) expect(inside).toContain(row);
  });

  it('weighs the part before an adversative down and keeps every row inside the table', () => {
    const out = features('房间干净但是太吵');
    const values = [...out.values.subarray(0, out.wordsFrom)];
    expect(Math.min(...values)).toBeCloseTo(Math.max(...values) * 0.6, 5);
    for (const row of rowsOf(out)) expect(row).toBeLessThan(featureRows(SETTINGS.hashBits));
  });

  it('adds negated copies inside a negation scope', () => {
    expect(features('不干净').length).toBeGreaterThan(features('很干净').length);
  });
});
