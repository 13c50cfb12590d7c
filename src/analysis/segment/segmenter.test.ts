import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { parseExpression } from '../expression/parser.js';
import type { SearchNode } from '../expression/search-tree.js';
import { Segmenter } from './segmenter.js';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { EXTRAS_SEPARATOR, MAX_TOKEN_LENGTH, searchSubwords, tokensOfWord } from './tokens.js';

let segmenter: Segmenter;
beforeAll(() => {
  segmenter = new Segmenter();
});

/** The precise part of an index string (before the first separator). */
function precisePart(indexed: string): string {
  return indexed.split(` ${EXTRAS_SEPARATOR} `)[0] ?? '';
}

describe('tokensOfWord', () => {
  it.each([
    ['a Chinese word', '长江大桥', ['长江大桥']],
    ['punctuation only', '，。！', []],
    ['a hyphenated word splits like the engines would', 'covid-19', ['covid', '19']],
    ['a decimal', '3.5', ['3', '5']],
    ['upper case', 'iPhone15', ['iphone15']],
    ['quotes and operators vanish', '"a"+\'b\'', ['a', 'b']],
    ['a long blob is cut short', 'x'.repeat(100), ['x'.repeat(MAX_TOKEN_LENGTH)]],
  ])('%s', (_name, word, expected) => {
    expect(tokensOfWord(word)).toEqual(expected);
  });
});

describe('searchSubwords', () => {
  const dictionary = new Set(['南京', '京市', '长江', '大桥', '江大', '长江大']);
  it.each<[string, string[]]>([
    ['南京市', ['南京', '京市']],
    ['长江大桥', ['长江', '江大', '大桥', '长江大']],
    ['通车', []],
    ['无关词语', []],
  ])('%s', (word, expected) => {
    expect(searchSubwords(word, dictionary)).toEqual(expected);
  });

  it('gives what jieba search mode gives, word by word, on real text', () => {
    const jieba = Jieba.withDict(dict);
    const words = new Set(
      new TextDecoder()
        .decode(dict)
        .split('\n')
        .map((line) => line.slice(0, line.indexOf(' '))),
    );
    const texts = [
      '南京市长江大桥今日恢复通车，市民出行更加方便。',
      '中华人民共和国国务院新闻办公室举行新闻发布会，介绍经济运行情况。',
      '苏州工业园区人民法院审理了一起电信网络诈骗案件，涉案金额超过一百万元。',
      '清华大学计算机科学与技术系研究生招生简章发布',
    ];
    for (const text of texts) {
      const ours = jieba.cut(text, false).flatMap((word) => [...searchSubwords(word, words), word]);
      expect(ours).toEqual(jieba.cutForSearch(text, false));
    }
  });
});

describe('Segmenter.tokensForIndex', () => {
  it.each([
    ['precise words joined by spaces', '南京市长江大桥', '南京市 长江大桥'],
    ['punctuation and whitespace dropped', '北京，今天！  下雨了。', '北京 今天 下雨 了'],
    ['normalised first', 'ＡＰＰ下载', 'app 下载'],
    ['Latin words', 'Hello, World', 'hello world'],
  ])('%s', (_name, text, expected) => {
    expect(precisePart(segmenter.tokensForIndex(text))).toBe(expected);
  });

  it('appends search-mode sub-words after a separator, one group per word', () => {
    expect(segmenter.tokensForIndex('南京市长江大桥')).toBe(
      `南京市 长江大桥 ${EXTRAS_SEPARATOR} 南京 京市 ${EXTRAS_SEPARATOR} 长江 大桥`,
    );
    expect(segmenter.tokensForIndex('今天下雨')).not.toContain(EXTRAS_SEPARATOR);
  });

  it('never lets the separator come out of normalised text', () => {
    expect(segmenter.tokensForIndex(`${EXTRAS_SEPARATOR} FXSEP`)).toBe('fxsep fxsep');
  });

  it('cuts added words whole', () => {
    const own = new Segmenter();
    expect(precisePart(own.tokensForIndex('某某科技公司'))).not.toContain('某某科技');
    own.addWords(['某某科技', '  ', 'two words']);
    expect(precisePart(own.tokensForIndex('某某科技公司'))).toBe('某某科技 公司');
  });
});

describe('Segmenter.toSearchTree', () => {
  it.each<[string, string, SearchNode]>([
    ['a word', '腐败', { type: 'term', tokens: ['腐败'] }],
    ['a term cut into adjacent tokens', '全国人大代表', { type: 'term', tokens: ['全国', '人大代表'] }],
    ['a phrase', '"tax reform"', { type: 'term', tokens: ['tax', 'reform'] }],
    [
      'operators',
      '(北京|上海)+腐败-广告',
      {
        type: 'except',
        include: {
          type: 'and',
          children: [
            {
              type: 'or',
              children: [
                { type: 'term', tokens: ['北京'] },
                { type: 'term', tokens: ['上海'] },
              ],
            },
            { type: 'term', tokens: ['腐败'] },
          ],
        },
        exclude: { type: 'term', tokens: ['广告'] },
      },
    ],
    [
      'NEAR keeps its distance',
      'NEAR/4(强拆, 村民)',
      {
        type: 'near',
        left: { type: 'term', tokens: ['强拆'] },
        right: { type: 'term', tokens: ['村民'] },
        distance: 4,
      },
    ],
    [
      'a full-width term is normalised',
      'ＣＯＶＩＤ－１９',
      {
        type: 'except',
        include: { type: 'term', tokens: ['covid'] },
        exclude: { type: 'term', tokens: ['19'] },
      },
    ],
    ['a quoted hyphenated word', '"covid-19"', { type: 'term', tokens: ['covid', '19'] }],
  ])('%s', (_name, expression, expected) => {
    expect(segmenter.toSearchTree(parseExpression(expression))).toEqual(expected);
  });

  it.each([
    ['a punctuation-only phrase', '北京+"!!!"', 3],
    ['a punctuation-only word', '北京 ，。', 3],
    ['inside NEAR', 'NEAR/2(北京, "…")', 11],
  ])('rejects %s at its position', (_name, expression, position) => {
    try {
      segmenter.toSearchTree(parseExpression(expression));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'EXPRESSION_SYNTAX')).toBe(true);
      expect(isAppError(error) && error.details['position']).toBe(position);
    }
  });
});

describe('tokensOfWord against the expression form it replaces', () => {
  /** The original definition: whole lower-case runs as they are, else lower case and split. */
  function reference(word: string): string[] {
    if (word.length === 1) return /^[\p{L}\p{N}]$/u.test(word) ? [word.toLowerCase()] : [];
    if (/^[\p{Ll}\p{Lo}\p{N}]+$/u.test(word)) {
      return [word.length > MAX_TOKEN_LENGTH ? word.slice(0, MAX_TOKEN_LENGTH) : word];
    }
    return word
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((part) => part !== '')
      .map((part) => (part.length > MAX_TOKEN_LENGTH ? part.slice(0, MAX_TOKEN_LENGTH) : part));
  }

  it('agrees on every BMP code unit alone and inside words', () => {
    let disagreements = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      for (const word of [char, `a${char}`, `中${char}文`]) {
        if (JSON.stringify(tokensOfWord(word)) !== JSON.stringify(reference(word))) disagreements++;
      }
    }
    expect(disagreements).toBe(0);
  });

  it.each(['Ⅻ𠀀', '𠀀', 'a𝐀', 'ǅ游戏', 'x'.repeat(80), '𠀀'.repeat(40)])('agrees on %s', (word) => {
    expect(tokensOfWord(word)).toEqual(reference(word));
  });
});

describe('Segmenter.segment with remembered sub-words', () => {
  it('gives the same index string the second time and after new words are added', () => {
    const own = new Segmenter();
    const text = '南京市长江大桥今日恢复通车，苏州工业园区人民法院审理了一起案件';
    const first = own.segment(text);
    expect(own.segment(text)).toEqual(first);
    own.addWords(['园区人民']);
    const fresh = new Segmenter();
    fresh.addWords(['园区人民']);
    expect(own.segment(text)).toEqual(fresh.segment(text));
  });
});

describe('Segmenter.segment tokens', () => {
  // segment writes the tokens over jieba's word list in place and moves them to an array of their own at
  // the first word that takes the general path (inner punctuation, as in c++); tokens() builds
  // them afresh, so the two must agree wherever such a word falls.
  it.each([
    ['no word on the general path', '网络舆情工作，今天开会。'],
    ['a general-path word first', 'c++今天打折，快来看看'],
    ['a general-path word in the middle', '今天用c++写代码，价格3.5元'],
    ['a general-path word last', '我们今天学了c++'],
    ['several of them', 'GDP增长5.2%，用c++和c++写，スーパー'],
    ['only punctuation', '！！，。'],
    ['empty', ''],
  ])('agrees with tokens() with %s', (_name, text) => {
    const own = new Segmenter();
    const segmented = own.segment(text);
    expect(segmented.tokens).toEqual(own.tokens(text));
    expect(segmented.index.startsWith(segmented.tokens.join(' '))).toBe(true);
  });

  it.each([
    ['simplified text', '网络舆情工作，今天开会。', true],
    ['capitals and whitespace runs', 'Hello  WORLD\t今天', true],
    ['traditional characters', '網路輿情監測', false],
  ])('says whether the normalised text is the plain form for %s', (_name, text, plain) => {
    expect(new Segmenter().segment(text).plain).toBe(plain);
  });
});
