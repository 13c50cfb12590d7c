import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { compileGazetteer } from './gazetteer.js';
import { extractRegions } from './extract.js';
import { ALIAS_FLAGS, type RegionModel } from './model.js';

const tiny: RegionModel = {
  version: 1,
  source: 'test',
  places: [
    ['32', '江苏省', -1, 0],
    ['3205', '苏州市', 0, 1],
    ['320583', '昆山市', 1, 2],
  ],
  aliases: [
    ['江苏省', [0], 0],
    ['苏州', [1], ALIAS_FLAGS.SHORT],
    ['昆山', [2], ALIAS_FLAGS.SHORT | ALIAS_FLAGS.WEAK],
    ['苏州码子', [], ALIAS_FLAGS.BLOCK],
  ],
};

describe('compileGazetteer', () => {
  it('compiles a model into refs with full names from the top', () => {
    const gazetteer = compileGazetteer(tiny);
    expect(gazetteer.refs[2]).toEqual({ province: '江苏省', city: '苏州市', county: '昆山市' });
  });

  it.each([
    ['昆山', []],
    ['苏州昆山', [{ province: '江苏省', city: '苏州市', county: '昆山市' }]],
    ['苏州码子', []],
  ])('applies the flags of a hand-made model: %s', (text, expected) => {
    expect(extractRegions(text, compileGazetteer(tiny))).toEqual(expected);
  });

  it.each([
    ['a wrong version', { ...tiny, version: 2 } as unknown as RegionModel],
    ['an alias out of range', { ...tiny, aliases: [['苏州', [7], 0]] } as RegionModel],
  ])('rejects %s with PARSE_FAILED', (_name, model) => {
    let caught: unknown;
    try {
      compileGazetteer(model);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, 'PARSE_FAILED')).toBe(true);
  });
});
