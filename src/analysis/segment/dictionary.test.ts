import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it, vi } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { normalizeText } from '../normalize/text.js';
import { parseDictionary } from './dictionary.js';
import { readDomainDictionary } from './domain-dictionary.js';
import { Segmenter } from './segmenter.js';

describe('parseDictionary', () => {
  it.each([
    ['word and frequency', '舆情研判 2000\n', [{ word: '舆情研判', frequency: 2000 }]],
    ['a part-of-speech tag is allowed', '网信办 5000 nt', [{ word: '网信办', frequency: 5000 }]],
    ['blank lines and CRLF', '\r\n热搜 5000\r\n\n', [{ word: '热搜', frequency: 5000 }]],
  ])('%s', (_name, text, expected) => {
    expect(parseDictionary(text, 'test.dict')).toEqual(expected);
  });

  it.each([
    ['a missing frequency', '热搜', 1],
    ['a frequency that is not a number', 'ok 1\n热搜 many', 2],
  ])('refuses %s, naming the line', (_name, text, line) => {
    try {
      parseDictionary(text, 'test.dict');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'CONFIG_INVALID')).toBe(true);
      expect(isAppError(error) && error.details['line']).toBe(line);
    }
  });
});

describe('the shipped domain dictionary', () => {
  const words = readDomainDictionary();

  it('has words in normal form, each once', () => {
    expect(words.length).toBeGreaterThan(100);
    expect(words.every(({ word }) => normalizeText(word) === word)).toBe(true);
    expect(new Set(words.map(({ word }) => word)).size).toBe(words.length);
  });

  it.each([
    ['舆情研判工作要加强', ['舆情研判', '工作', '要', '加强']],
    ['市民通过12345热线反映', ['市民', '通过', '12345热线', '反映']],
    ['网信办约谈平台', ['网信办', '约谈', '平台']],
    ['接诉即办限时办结', ['接诉即办', '限时办结']],
  ])('cuts %s whole', (text, expected) => {
    const segmenter = new Segmenter();
    segmenter.addDictionary(words);
    expect(segmenter.tokens(text)).toEqual(expected);
  });

  it('refuses a missing file with its path', () => {
    expect(() => readDomainDictionary('/nonexistent/domain.dict')).toThrow(/\/nonexistent\/domain\.dict/);
  });
});

describe('Segmenter.addWords', () => {
  it('loads only words it has not seen before', () => {
    const jieba = Jieba.withDict(dict);
    const load = vi.spyOn(jieba, 'loadDict');
    const segmenter = new Segmenter(jieba);
    segmenter.addWords(['某某科技', '甲乙丙丁']);
    segmenter.addWords(['某某科技', 'ＡＢＣ']);
    segmenter.addWords(['某某科技', 'abc']);
    expect(load).toHaveBeenCalledTimes(2);
    expect(Buffer.from(load.mock.calls[1]?.[0] ?? []).toString('utf8')).toBe('abc 1000\n');
  });
});
