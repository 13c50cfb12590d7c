import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import type { ExpressionNode, TermNode } from '../expression/ast.js';
import { formatExpression } from '../expression/format.js';
import { matchExpression } from '../expression/matcher.js';
import { parseExpression } from '../expression/parser.js';
import { normalizeText } from '../normalize/text.js';
import { compileSchemes, type SchemeMatch, type SchemeTarget } from './matcher.js';

function matchedIds(expression: string, target: SchemeTarget, title: string, content: string): boolean {
  return compileSchemes([{ id: 's', expression, target }]).match({ title, content }).length === 1;
}

describe('compileSchemes: targets', () => {
  it.each<[string, string, SchemeTarget, string, string, boolean]>([
    ['content only sees the content', '腐败', 'content', '腐败', '天气', false],
    ['title only sees the title', '腐败', 'title', '腐败', '天气', true],
    ['both: words may come from different fields', '北京+腐败', 'both', '北京通报', '某官员腐败', true],
    ['content: the title does not help', '北京+腐败', 'content', '北京通报', '某官员腐败', false],
    ['both: an exclusion in the title excludes', '腐败-广告', 'both', '广告', '腐败', false],
    ['both: NEAR does not cross fields', 'NEAR/5(北京, 腐败)', 'both', '北京', '腐败', false],
    ['both: NEAR within one field', 'NEAR/5(北京, 腐败)', 'both', '', '北京某官员腐败', true],
    ['traditional text matches a simplified scheme', '网络+舆情', 'content', '', '網絡輿情', true],
    ['a traditional scheme matches simplified text', '網絡', 'content', '', '网络', true],
  ])('%s', (_name, expression, target, title, content, expected) => {
    expect(matchedIds(expression, target, title, content)).toBe(expected);
  });

  it('reports hits with their fields, title first, and schemes in compile order', () => {
    const matcher = compileSchemes([
      { id: 'b', expression: '北京+(腐败|受贿)', target: 'both' },
      { id: 'a', expression: '天气', target: 'content' },
      { id: 'c', expression: 'ai-广告', target: 'title' },
    ]);
    expect(matcher.match({ title: 'AI与北京', content: '官员受贿，北京' })).toEqual([
      {
        schemeId: 'b',
        hits: [
          { word: '北京', start: 3, end: 5, field: 'title' },
          { word: '受贿', start: 2, end: 4, field: 'content' },
          { word: '北京', start: 5, end: 7, field: 'content' },
        ],
      },
      { schemeId: 'c', hits: [{ word: 'ai', start: 0, end: 2, field: 'title' }] },
    ]);
    expect(matcher.words).toEqual(['北京', '腐败', '受贿', '天气', 'ai', '广告']);
  });

  it('names the scheme and the position when an expression does not parse', () => {
    try {
      compileSchemes([
        { id: 'good', expression: '北京', target: 'both' },
        { id: 'bad', expression: '北京+(腐败', target: 'both' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'EXPRESSION_SYNTAX')).toBe(true);
      expect(isAppError(error) && error.details).toMatchObject({ schemeId: 'bad', position: 6 });
      expect(String(error)).toContain('scheme bad');
    }
  });
});

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  '北京',
  '京',
  '腐败',
  '败',
  'ai',
  'a',
  'art',
  'ＡＩ',
  '長江',
  '长江',
  '大桥',
  'app下载',
  'b',
  '报警',
];
const PHRASES = ['b c', 'tax reform', '长江 大桥', 'a+b'];
const FILLERS = [' ', '的', 'x', 'party', '，', 'Z', '1', 'c', 'tax', 'reform', '+', '后'];

function pick<T>(random: () => number, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}

function randomTerm(random: () => number): TermNode {
  const quoted = random() < 0.2;
  const text = quoted ? pick(random, [...PHRASES, ...WORDS]) : pick(random, WORDS);
  return { type: 'term', text, quoted, start: 0, end: 0 };
}

function randomExpression(random: () => number, depth: number): ExpressionNode {
  const roll = random();
  const span = { start: 0, end: 0 };
  if (depth === 0 || roll < 0.3) return randomTerm(random);
  if (roll < 0.4) {
    return {
      type: 'near',
      left: randomTerm(random),
      right: randomTerm(random),
      distance: Math.floor(random() * 6),
      ...span,
    };
  }
  if (roll < 0.6) {
    return {
      type: 'except',
      include: randomExpression(random, depth - 1),
      exclude: randomExpression(random, depth - 1),
      ...span,
    };
  }
  const children = Array.from({ length: 2 + Math.floor(random() * 2) }, () =>
    randomExpression(random, depth - 1),
  );
  return { type: roll < 0.8 ? 'and' : 'or', children, ...span };
}

function randomText(random: () => number): string {
  const pieces = Array.from({ length: 2 + Math.floor(random() * 14) }, () =>
    random() < 0.5 ? pick(random, WORDS) : pick(random, [...FILLERS, ...PHRASES]),
  );
  return pieces.join('').trim();
}

/** A separator longer than any NEAR distance, made of a character that is neither a word nor whitespace. */
const FIELD_GAP = '。'.repeat(1001);

function expectedHits(
  ast: ExpressionNode,
  target: SchemeTarget,
  title: string,
  content: string,
): SchemeMatch['hits'] | null {
  const normalizedTitle = normalizeText(title);
  const text = target === 'title' ? title : target === 'content' ? content : `${title}${FIELD_GAP}${content}`;
  const result = matchExpression(ast, text);
  if (!result.matched) return null;
  const offset = normalizedTitle.length + FIELD_GAP.length;
  return result.hits.map((hit) => {
    if (target !== 'both') return { word: hit.term, start: hit.start, end: hit.end, field: target };
    return hit.start < offset
      ? { word: hit.term, start: hit.start, end: hit.end, field: 'title' as const }
      : { word: hit.term, start: hit.start - offset, end: hit.end - offset, field: 'content' as const };
  });
}

describe('compileSchemes agrees with matchExpression', () => {
  it.each([1, 2, 3, 4])('on random expressions and texts (seed %i)', (seed) => {
    const random = seeded(seed);
    const targets: SchemeTarget[] = ['title', 'content', 'both'];
    const schemes = Array.from({ length: 150 }, (_, index) => {
      const ast = parseExpression(formatExpression(randomExpression(random, 3)));
      return { id: `s${index}`, ast, expression: formatExpression(ast), target: pick(random, targets) };
    });
    const matcher = compileSchemes(schemes);
    let matchedCount = 0;
    for (let round = 0; round < 150; round++) {
      const title = randomText(random);
      const content = randomText(random);
      const actual = new Map(matcher.match({ title, content }).map((m) => [m.schemeId, m.hits]));
      for (const scheme of schemes) {
        const expected = expectedHits(scheme.ast, scheme.target, title, content);
        if (expected) matchedCount++;
        expect({
          scheme: scheme.expression,
          target: scheme.target,
          title,
          content,
          hits: actual.get(scheme.id) ?? null,
        }).toEqual({
          scheme: scheme.expression,
          target: scheme.target,
          title,
          content,
          hits: expected,
        });
      }
    }
    expect(matchedCount).toBeGreaterThan(500);
  });
});
