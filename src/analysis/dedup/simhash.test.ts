import { describe, expect, it } from 'vitest';
import { SimhashIndex } from './simhash-index.js';
import { normalizeText } from '../normalize/text.js';
import { hashRange, mix32, SHINGLE_SIZE } from './shingles.js';
import {
  fromHex,
  hammingDistance,
  simhash64,
  simhashOfCanonical,
  simhashOfNormalized,
  simhashOfText,
  toHex,
} from './simhash.js';

const NOTICE =
  '【通报】3月5日，我市东风路一餐馆发生燃气爆炸，造成2人受伤，伤者已送医救治，事故原因正在调查，请市民注意用气安全。';

describe('simhash64', () => {
  it('is 16 hex digits, stable, and zero for nothing', () => {
    const hash = simhash64(['燃气', '爆炸', '餐馆']);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(['燃气', '爆炸', '餐馆'])).toBe(hash);
    expect(simhash64([])).toBe('0000000000000000');
  });

  it('lets heavy tokens decide the bits', () => {
    const heavy = simhash64(['燃气', '爆炸'], [100, 1]);
    expect(hammingDistance(heavy, simhash64(['燃气']))).toBeLessThan(
      hammingDistance(heavy, simhash64(['爆炸'])),
    );
  });
});

describe('hammingDistance', () => {
  it.each([
    ['0000000000000000', '0000000000000000', 0],
    ['0000000000000000', 'ffffffffffffffff', 64],
    ['8000000000000001', '0000000000000000', 2],
    ['00000000000000F0', '0000000000000000', 4],
  ])('%s vs %s', (a, b, distance) => {
    expect(hammingDistance(a, b)).toBe(distance);
  });

  it('rejects what is not 16 hex digits', () => {
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(/16 hex digits/);
  });

  it('round-trips hex', () => {
    expect(toHex(fromHex('0123456789abcdef'))).toBe('0123456789abcdef');
  });
});

describe('simhashOfText', () => {
  it.each([
    ['a repost with a comment', `关注！//@网友甲:${NOTICE}`, 0],
    ['full width and a source line', `${NOTICE.replace('2', '２')}\n来源：某某日报`, 0],
    [
      'traditional characters',
      '【通報】3月5日，我市東風路一餐館發生燃氣爆炸，造成2人受傷，傷者已送醫救治，事故原因正在調查，請市民注意用氣安全。',
      0,
    ],
  ])('ignores %s', (_name, variant, distance) => {
    expect(hammingDistance(simhashOfText(NOTICE), simhashOfText(variant))).toBe(distance);
  });

  it('keeps unrelated texts far apart', () => {
    const other = simhashOfText('本周六上午，市图书馆将举办少儿绘本阅读分享会，欢迎家长带孩子参加。');
    expect(hammingDistance(simhashOfText(NOTICE), other)).toBeGreaterThan(10);
  });
});

describe('simhashOfCanonical against a plain per-bit vote', () => {
  /** The definition: each shingle votes ±1 on each of the 64 bits of its stretched hash. */
  function reference(canonical: string): string {
    const totals = new Array<number>(64).fill(0);
    const size = Math.min(SHINGLE_SIZE, canonical.length);
    const shingles = canonical.length === 0 ? 0 : canonical.length - size + 1;
    for (let i = 0; i < shingles; i++) {
      const hash = hashRange(canonical, i, i + size);
      const high = mix32(hash ^ 0x9e3779b9);
      const low = mix32(hash ^ 0x7f4a7c15);
      for (let bit = 0; bit < 32; bit++) {
        totals[bit] = (totals[bit] ?? 0) + ((high >>> bit) & 1 ? 1 : -1);
        totals[bit + 32] = (totals[bit + 32] ?? 0) + ((low >>> bit) & 1 ? 1 : -1);
      }
    }
    let high = 0;
    let low = 0;
    for (let bit = 0; bit < 32; bit++) {
      if ((totals[bit] ?? 0) > 0) high |= 1 << bit;
      if ((totals[bit + 32] ?? 0) > 0) low |= 1 << bit;
    }
    return toHex({ high: high >>> 0, low: low >>> 0 });
  }

  it.each([
    ['empty', ''],
    ['shorter than a shingle', '火灾'],
    ['one shingle', '燃气爆炸'],
    ['two shingles (a tie on every differing bit)', '燃气爆炸了'],
    ['a notice', NOTICE.replace(/[^\p{L}\p{N}]/gu, '')],
    ['255 shingles', '燃'.repeat(3) + 'a'.repeat(255)],
    ['over a thousand shingles', NOTICE.repeat(30)],
    ['seventy thousand characters', 'abcdefg'.repeat(10_000)],
  ])('%s', (_name, canonical) => {
    expect(simhashOfCanonical(canonical)).toBe(reference(canonical));
  });
});

describe('simhashOfNormalized', () => {
  it.each([
    ['one line', NOTICE],
    ['a repost chain', `关注！//@网友甲:${NOTICE}`],
    ['a source line at the end', `${NOTICE}\n来源：某某日报`],
    ['blank lines at the end', `${NOTICE}\n\n  \n`],
    ['several lines', `第一行\n${NOTICE}\n最后一行`],
    ['an editor line', `${NOTICE}\n责任编辑：张三`],
  ])('equals simhashOfText for %s', (_name, text) => {
    expect(simhashOfNormalized(text, normalizeText(text))).toBe(simhashOfText(text));
  });
});

describe('toHex', () => {
  it.each<[number, number, string]>([
    [0, 0, '0000000000000000'],
    [0xffffffff, 0xffffffff, 'ffffffffffffffff'],
    [0x12ab, 0xcdef0001, '000012abcdef0001'],
  ])('%s %s', (high, low, hex) => {
    expect(toHex({ high, low })).toBe(hex);
    expect(toHex({ high, low })).toBe(high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0'));
  });
});

describe('SimhashIndex', () => {
  it('finds fingerprints within three bits through the bands, nearest first', () => {
    const index = new SimhashIndex<number>();
    index.add(1, '0000000000000000');
    index.add(2, '0000000000000007');
    index.add(3, '000f000000000000');
    index.add(4, '8000800080008000');
    index.add(5, 'ffffffffffffffff');
    expect(index.size).toBe(5);
    expect(index.query('0000000000000001')).toEqual([
      { id: 1, distance: 1 },
      { id: 2, distance: 2 },
    ]);
    expect(index.query('0000000000000000', 0)).toEqual([{ id: 1, distance: 0 }]);
    expect(index.query('000f000000000001', 10).map((c) => c.id)).toEqual([3]);
    expect(index.query('0000000000000000').map((c) => c.id)).not.toContain(4);
  });

  it('finds a repost of an added item', () => {
    const index = new SimhashIndex();
    index.add('notice', simhashOfText(NOTICE));
    index.add('other', simhashOfText('本周六上午，市图书馆将举办少儿绘本阅读分享会。'));
    expect(index.query(simhashOfText(`转发微博//@网友乙:${NOTICE}`)).map((c) => c.id)).toEqual(['notice']);
  });
});
