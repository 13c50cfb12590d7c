import { describe, expect, it } from 'vitest';
import type { MediaTier } from '../../domain/index.js';
import { hashAuthor } from '../normalize/author.js';
import { itemAuthority } from './item.js';
import { KeyAccountMatcher, type MatchableAccount } from './matcher.js';
import { authorityWeight, mediaTierTable } from './weights.js';

describe('authorityWeight', () => {
  it.each<[string, MediaTier | null, { tier: MediaTier | null; weight: number } | null, number]>([
    ['central media', 'central', null, 3],
    ['provincial media', 'provincial', null, 2.2],
    ['government account', 'government', null, 2],
    ['local media', 'local', null, 1.5],
    ['overseas media', 'overseas', null, 1.5],
    ['self-media', 'self_media', null, 1],
    ['unclassified source', null, null, 1],
    ['key account multiplies the tier', 'local', { tier: null, weight: 2 }, 3],
    ['key account tier replaces the source tier', 'self_media', { tier: 'central', weight: 1 }, 3],
    ['key account tier and weight together', null, { tier: 'provincial', weight: 1.5 }, 3.3],
    ['weight below the range is clamped', 'central', { tier: null, weight: 0 }, 0.3],
    ['weight above the range is clamped', null, { tier: null, weight: 50 }, 10],
  ])('%s', (_name, tier, keyAccount, expected) => {
    expect(authorityWeight({ tier, keyAccount })).toBeCloseTo(expected, 6);
  });

  it('orders the tiers from central down to self-media', () => {
    const weights = mediaTierTable().map((row) => row.weight);
    expect(mediaTierTable().map((row) => row.tier)).toEqual([
      'central',
      'provincial',
      'local',
      'government',
      'self_media',
      'overseas',
    ]);
    expect(Math.max(...weights)).toBe(3);
    expect(Math.min(...weights)).toBe(1);
    expect(mediaTierTable().find((row) => row.tier === 'government')?.name).toBe('政务机构');
  });
});

const ACCOUNTS: (MatchableAccount & { id: string })[] = [
  { id: 'rmrb-weibo', platform: 'weibo', name: '人民日报' },
  { id: 'rmrb-any', platform: null, name: '人民日报' },
  { id: 'police', platform: 'Weibo', name: '@平安姑苏' },
  { id: 'blank', platform: null, name: '   ' },
  { id: 'latin', platform: 'douyin', name: 'Suzhou  Daily' },
];

describe('KeyAccountMatcher', () => {
  const matcher = new KeyAccountMatcher(ACCOUNTS);

  it.each<[string, string | null, string | null, string | null]>([
    ['platform-bound account wins over any-platform', 'weibo', '人民日报', 'rmrb-weibo'],
    ['any-platform account for another platform', 'douyin', '人民日报', 'rmrb-any'],
    ['any-platform account for an item without platform', null, '人民日报', 'rmrb-any'],
    ['leading @ and platform case are ignored', 'WEIBO', '平安姑苏', 'police'],
    ['the author may carry the @', 'weibo', '@平安姑苏', 'police'],
    ['full-width, case and spaces are normalised', 'douyin', 'ＳＵＺＨＯＵ daily', 'latin'],
    ['traditional characters match simplified names', 'weibo', '人民日報', 'rmrb-weibo'],
    ['a platform-bound account does not match elsewhere', 'douyin', '平安姑苏', null],
    ['an unknown author', 'weibo', '路人甲', null],
    ['no author', 'weibo', null, null],
    ['an author that is empty after normalisation', 'weibo', ' @ ', null],
  ])('%s', (_name, platform, author, expected) => {
    expect(matcher.match({ platform, author })?.id ?? null).toBe(expected);
  });

  it('skips accounts whose name is empty and counts the entries', () => {
    expect(matcher.size).toBe(4);
  });

  it('matches stored author hashes when given the office key', () => {
    const key = 'office-secret';
    const hashed = new KeyAccountMatcher(ACCOUNTS, key);
    expect(hashed.match({ platform: 'weibo', author: hashAuthor('@平安姑苏', key) })?.id).toBe('police');
    expect(hashed.match({ platform: 'weibo', author: hashAuthor('路人甲', key) })).toBeNull();
    expect(hashed.match({ platform: 'weibo', author: '人民日报' })?.id).toBe('rmrb-weibo');
    expect(matcher.match({ platform: 'weibo', author: hashAuthor('人民日报', key) })).toBeNull();
  });
});

describe('itemAuthority', () => {
  const account = {
    id: 'k1',
    unitId: 'u1',
    platform: 'weibo',
    name: '平安姑苏',
    tier: 'government' as const,
    weight: 1.5,
    note: null,
    createdAt: 0,
    updatedAt: 0,
  };
  const matcher = new KeyAccountMatcher([account]);
  it.each<
    [string, { platform: string | null; author: string | null }, MediaTier | null, number, string | null]
  >([
    [
      'a key account on a self-media source',
      { platform: 'weibo', author: '平安姑苏' },
      'self_media',
      3,
      'k1',
    ],
    [
      'an ordinary author on a provincial source',
      { platform: 'weibo', author: '路人' },
      'provincial',
      2.2,
      null,
    ],
    ['no matcher', { platform: 'weibo', author: '平安姑苏' }, 'local', 1.5, null],
  ])('%s', (name, item, tier, weight, keyAccountId) => {
    const result = itemAuthority(item, tier, name === 'no matcher' ? null : matcher);
    expect(result.weight).toBeCloseTo(weight, 6);
    expect(result.keyAccount?.id ?? null).toBe(keyAccountId);
  });
});
