import { describe, expect, it } from 'vitest';
import { compilePhraseScanner, scanPhrases } from './phrase-scanner.js';

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
