import { describe, expect, it } from 'vitest';
import { simhash64, toHex, fromHex } from '../dedup/simhash.js';
import { detectCoordinated, type PostFingerprint } from './coordinated.js';

const MIN = 60_000;
const T0 = Date.UTC(2024, 4, 3, 2, 0);
const TEXT = simhash64(['某地', '化工厂', '泄漏', '紧急', '转发', '扩散']);
const OTHER = simhash64(['今天', '天气', '很好', '出门', '散步']);

/** `hash` with `bits` low bits flipped. */
function flip(hash: string, bits: number): string {
  const fingerprint = fromHex(hash);
  return toHex({ high: fingerprint.high, low: (fingerprint.low ^ ((1 << bits) - 1)) >>> 0 });
}

function post(
  id: string,
  account: string | null,
  minute: number,
  simhash: string | null = TEXT,
): PostFingerprint {
  return { itemId: id, account, simhash, publishedAt: T0 + minute * MIN };
}

/** `n` posts by distinct accounts one minute apart, starting at `start`. */
function burst(n: number, start = 0, hash = TEXT, prefix = 'a'): PostFingerprint[] {
  return Array.from({ length: n }, (_, i) => post(`${prefix}${i}`, `账号${prefix}${i}`, start + i, hash));
}

describe('detectCoordinated', () => {
  it.each<[string, PostFingerprint[], number[]]>([
    ['five accounts, same text, five minutes', burst(5), [5]],
    ['four accounts are not enough', burst(4), []],
    [
      'one account posting five times is not coordinated',
      [0, 1, 2, 3, 4].map((m) => post(`s${m}`, '同一人', m)),
      [],
    ],
    ['near-identical texts (3 bits apart) join', [...burst(3), ...burst(2, 3, flip(TEXT, 3), 'b')], [5]],
    ['texts 6 bits apart do not', [...burst(3), ...burst(2, 3, flip(TEXT, 6), 'b')], []],
    [
      'spread over an hour is not a burst',
      burst(5).map((p, i) => ({ ...p, publishedAt: T0 + i * 15 * MIN })),
      [],
    ],
    [
      'unrelated posts in the same window are ignored',
      [...burst(5), ...burst(5, 0, OTHER, 'x').slice(0, 2)],
      [5],
    ],
    [
      'two separate bursts are two findings, biggest first',
      [...burst(5), ...burst(7, 0, OTHER, 'x')],
      [7, 5],
    ],
    [
      'posts without account or fingerprint are skipped',
      [...burst(4), post('n1', null, 1), post('n2', '@路人', 2, null)],
      [],
    ],
    ['@name and name are the same account', [...burst(4), post('dup', '@账号a0', 2)], []],
  ])('%s', (_name, posts, accounts) => {
    expect(detectCoordinated(posts).map((finding) => finding.accounts)).toEqual(accounts);
  });

  it('reports the busiest window with its items and time span', () => {
    const posts = [post('early', '早鸟', -30), ...burst(6, 0)];
    const [finding] = detectCoordinated(posts, { windowMs: 10 * MIN, minAccounts: 5, maxDistance: 3 });
    expect(finding).toEqual({
      itemIds: ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'],
      accounts: 6,
      from: T0,
      to: T0 + 5 * MIN,
      windowMs: 10 * MIN,
      simhash: TEXT,
    });
  });

  it('follows the settings', () => {
    expect(detectCoordinated(burst(3), { windowMs: 10 * MIN, minAccounts: 3, maxDistance: 0 })).toHaveLength(
      1,
    );
    expect(
      detectCoordinated(burst(3, 0, TEXT).concat(burst(1, 1, flip(TEXT, 1), 'b')), {
        windowMs: 10 * MIN,
        minAccounts: 4,
        maxDistance: 0,
      }),
    ).toHaveLength(0);
  });
});
