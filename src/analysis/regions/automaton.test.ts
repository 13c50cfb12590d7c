import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanAutomaton } from './automaton.js';

function matches(patterns: string[], text: string): [string, number][] {
  const out: number[] = [];
  scanAutomaton(buildAutomaton(patterns), text, out);
  const found: [string, number][] = [];
  for (let i = 0; i < out.length; i += 2) found.push([patterns[out[i] ?? 0] ?? '', out[i + 1] ?? 0]);
  return found.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

describe('Aho–Corasick automaton', () => {
  it.each([
    [
      ['he', 'she', 'his', 'hers'],
      'ushers',
      [
        ['she', 1],
        ['he', 2],
        ['hers', 2],
      ],
    ],
    [
      ['江苏', '江苏省', '苏州'],
      '江苏省苏州市',
      [
        ['江苏', 0],
        ['江苏省', 0],
        ['苏州', 3],
      ],
    ],
    [
      ['ab', 'b'],
      'abab',
      [
        ['ab', 0],
        ['b', 1],
        ['ab', 2],
        ['b', 3],
      ],
    ],
    [['长安'], '西安', []],
    [['a'], '', []],
  ] as [string[], string, [string, number][]][])('%j in %s', (patterns, text, expected) => {
    expect(matches(patterns, text)).toEqual(expected);
  });
});
