import { describe, expect, it } from 'vitest';
import { compilePhraseScanner, distinctIds, phraseIds, scanPhrases } from './phrase-scanner.js';

function found(phrases: string[], text: string): Array<[string, number]> {
  const scanner = compilePhraseScanner(phrases);
  const hits: Array<[string, number]> = [];
  scanPhrases(scanner, text, (id, start) => hits.push([phrases[id] ?? '', start]));
  return hits;
}

describe('scanPhrases', () => {
  it.each<[string, string[], string, Array<[string, number]>]>([
    [
      'finds every occurrence in position order',
      ['噪音', '扰民'],
      '噪音扰民，噪音',
      [
        ['噪音', 0],
        ['扰民', 2],
        ['噪音', 5],
      ],
    ],
    [
      'finds overlapping phrases that share a first character',
      ['我', '我市'],
      '我市我',
      [
        ['我', 0],
        ['我市', 0],
        ['我', 2],
      ],
    ],
    ['finds nothing when no phrase occurs', ['腐败'], '今天天气很好', []],
    ['ignores empty phrases', ['', '股市'], '股市大跌', [['股市', 0]]],
    [
      'matches Latin phrases by substring',
      ['pm2.5', 'p2p'],
      'pm2.5超标，p2p爆雷',
      [
        ['pm2.5', 0],
        ['p2p', 8],
      ],
    ],
  ])('%s', (_name, phrases, text, expected) => {
    expect(found(phrases, text)).toEqual(expected);
  });
});

describe('phraseIds', () => {
  it.each<[string, string[], string]>([
    ['several phrases at one position, in given order', ['我市', '我', '市'], '我市我'],
    ['a phrase at the very end', ['噪音', '音'], '噪音'],
    ['a longer phrase cut off by the end', ['噪音扰民'], '噪音扰'],
    ['one-character phrases', ['a', 'b'], 'abba'],
    ['nothing', ['腐败'], ''],
  ])('lists what scanPhrases visits: %s', (_name, phrases, text) => {
    const scanner = compilePhraseScanner(phrases);
    const visited: number[] = [];
    scanPhrases(scanner, text, (id) => visited.push(id));
    expect(phraseIds(scanner, text)).toEqual(visited);
  });
});

describe('distinctIds', () => {
  it.each<[string, number[], number[]]>([
    ['keeps first occurrences in order', [3, 1, 3, 2, 1], [3, 1, 2]],
    ['empty', [], []],
    ['a long list', [...Array.from({ length: 100 }, (_, i) => i % 7)], [0, 1, 2, 3, 4, 5, 6]],
  ])('%s', (_name, ids, expected) => {
    expect(distinctIds(ids)).toEqual(expected);
  });
});
