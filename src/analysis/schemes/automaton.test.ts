import { describe, expect, it } from 'vitest';
import { WordAutomaton } from './automaton.js';

function occurrences(words: string[], text: string): [string, number][] {
  const found: [string, number][] = [];
  WordAutomaton.build(words).scan(text, (word, end) =>
    found.push([words[word] ?? '', end - (words[word] ?? '').length]),
  );
  return found.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

function naive(words: string[], text: string): [string, number][] {
  const found: [string, number][] = [];
  for (const word of new Set(words)) {
    if (word === '') continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) found.push([word, at]);
  }
  return found.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

describe('WordAutomaton', () => {
  it.each([
    ['the classic overlap set', ['he', 'she', 'his', 'hers'], 'ushers', 3],
    ['nested Chinese words', ['长江', '长江大桥', '大桥', '江大'], '南京市长江大桥', 4],
    ['overlapping repeats', ['aa', 'a'], 'aaaa', 7],
    ['no words found', ['腐败'], '天气很好', 0],
    ['an empty word is ignored', ['', 'x'], 'xx', 2],
    ['surrogate pairs', ['𠮷野', '野家'], '𠮷野家', 2],
  ])('%s finds what indexOf finds', (_name, words, text, count) => {
    const found = occurrences(words, text);
    expect(found).toEqual(naive(words, text));
    expect(found).toHaveLength(count);
  });
});
