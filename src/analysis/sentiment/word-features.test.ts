import { describe, expect, it } from 'vitest';
import { FeatureBuffer } from './buffer.js';
import { WORD_NEGATION_SCOPE, emitWordFeatures } from './word-features.js';

const MASK = (1 << 20) - 1;

function rows(words: readonly string[]): number[] {
  const out = new FeatureBuffer();
  emitWordFeatures(words, MASK, 1, true, out);
  return [...out.rows.subarray(0, out.length)];
}

describe('emitWordFeatures', () => {
  it.each([
    [[], 0],
    [['满意'], 1],
    [['服务', '满意'], 3],
    [['不', '满意'], 3 + 1],
    [['没有', '问题', '很', '满意'], 7 + WORD_NEGATION_SCOPE + (WORD_NEGATION_SCOPE - 1)],
    [['不', '服务', '很', '好', '满意'], 9 + WORD_NEGATION_SCOPE + (WORD_NEGATION_SCOPE - 1)],
  ])('%j emits %d features (unigrams, bigrams, negated copies)', (words, count) => {
    expect(rows(words)).toHaveLength(count);
  });

  it.each([
    ['满意', ['满意'], ['不', '满意']],
    ['问题', ['有', '问题'], ['没有', '问题']],
  ])('%s inside a negation scope adds a row the plain word never has', (_word, plain, negated) => {
    const plainRows = new Set(rows(plain));
    const extra = rows(negated).filter(
      (row) => !plainRows.has(row) && !rows([negated[0] ?? '']).includes(row),
    );
    expect(extra.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [
      ['好', '评'],
      ['评', '好'],
    ],
    [
      ['不', '错'],
      ['错', '不'],
    ],
  ])('word order matters through bigrams: %j vs %j', (a, b) => {
    expect(rows(a).sort()).not.toEqual(rows(b).sort());
  });

  it('emits the same rows for the same words and stays inside the mask', () => {
    const words = ['酒店', '服务', '很', '好'];
    expect(rows(words)).toEqual(rows(words));
    for (const row of rows(words)) expect(row).toBeLessThanOrEqual(MASK);
  });
});
