/**
 * Finding the key account (重点账号) an item was posted by: the author name in normal form (NFKC, simplified,
 * lower case, no leading `@`) and the platform (lower case). An account bound to the item's platform wins
 * over one that matches every platform. Where an office stores authors as keyed hashes, the matcher is
 * given the same key and compares hashes instead of names.
 */
import type { KeyAccount } from '../../domain/index.js';
import { hashAuthor, isAuthorHash, normalizeAuthorName } from '../normalize/author.js';

/** What of an item the matcher looks at. */
export interface AuthoredItem {
  platform: string | null;
  author: string | null;
}

/** The fields of an account the matcher needs (a full {@link KeyAccount} fits). */
export type MatchableAccount = Pick<KeyAccount, 'platform' | 'name'>;

/** The normal form of a platform name ('' for none). */
export function normalizePlatform(platform: string | null): string {
  return (platform ?? '').normalize('NFKC').trim().toLowerCase();
}

/** The key under which an account is filed: its normal name, or the keyed hash of it. */
function nameKeyOf(name: string, hashKey: string | null): string | null {
  const normal = normalizeAuthorName(name);
  if (normal.length === 0) return null;
  return hashKey ? hashAuthor(normal, hashKey) : normal;
}

/** Finds the key account of items among a fixed list of accounts (build once per batch). */
export class KeyAccountMatcher<A extends MatchableAccount = KeyAccount> {
  /** name key → platform ('' = any) → account. */
  private readonly byName = new Map<string, Map<string, A>>();

  /**
   * @param accounts the unit's key accounts; the first of two accounts with the same name and platform wins.
   * @param hashKey the office's author-hash key when stored authors are hashes; null compares names.
   */
  constructor(
    accounts: readonly A[],
    private readonly hashKey: string | null = null,
  ) {
    for (const account of accounts) {
      const key = nameKeyOf(account.name, hashKey);
      if (key === null) continue;
      let platforms = this.byName.get(key);
      if (!platforms) {
        platforms = new Map();
        this.byName.set(key, platforms);
      }
      const platform = normalizePlatform(account.platform);
      if (!platforms.has(platform)) platforms.set(platform, account);
    }
  }

  /** The number of distinct (name, platform) entries. */
  get size(): number {
    let total = 0;
    for (const platforms of this.byName.values()) total += platforms.size;
    return total;
  }

  /** The key account that posted `item`, or null. */
  match(item: AuthoredItem): A | null {
    if (item.author === null) return null;
    const key = isAuthorHash(item.author) ? item.author : nameKeyOf(item.author, this.hashKey);
    if (key === null) return null;
    const platforms = this.byName.get(key);
    if (!platforms) return null;
    return platforms.get(normalizePlatform(item.platform)) ?? platforms.get('') ?? null;
  }
}
