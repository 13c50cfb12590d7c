/**
 * Coordinated posting (水军式集中发帖, issue 5 §4): many near-identical posts (SimHash at most a few bits
 * apart) from many distinct accounts within a short window. It works on content and timing only and
 * reports how many accounts took part, never who they are (DESIGN.md §1).
 *
 * Posts are linked when their fingerprints are within `maxDistance` bits and they were published within
 * one window of each other; each linked group is then scanned with a sliding window for the span with the
 * most distinct accounts.
 */
import { SimhashIndex } from '../dedup/simhash-index.js';
import { isAuthorHash, normalizeAuthorName } from '../normalize/author.js';

/** One post as the detector sees it. */
export interface PostFingerprint {
  itemId: string;
  /** The author name or keyed hash; posts without one are skipped. */
  account: string | null;
  /** 16 hex digits; posts without one are skipped. */
  simhash: string | null;
  publishedAt: number;
}

/** What counts as coordinated. */
export interface CoordinatedSettings {
  /** The longest span of the posts of one finding. */
  windowMs: number;
  /** Fewest distinct accounts within the window. */
  minAccounts: number;
  /** Largest SimHash distance of near-identical posts (at most 3, what banded lookup guarantees). */
  maxDistance: number;
}

/** Defaults: 5 accounts posting the same text within 10 minutes. */
export const DEFAULT_COORDINATED_SETTINGS: Readonly<CoordinatedSettings> = {
  windowMs: 10 * 60 * 1000,
  minAccounts: 5,
  maxDistance: 3,
};

/** One burst of near-identical posts from many accounts. */
export interface CoordinatedFinding {
  /** The posts within the window, oldest first. */
  itemIds: string[];
  /** Distinct accounts among them. */
  accounts: number;
  /** Publication time of the first and the last post. */
  from: number;
  to: number;
  windowMs: number;
  /** The fingerprint of the first post (what the posts share). */
  simhash: string;
}

interface Post {
  itemId: string;
  account: string;
  simhash: string;
  publishedAt: number;
}

function usable(posts: readonly PostFingerprint[]): Post[] {
  const result: Post[] = [];
  for (const post of posts) {
    if (post.account === null || post.simhash === null) continue;
    const account = isAuthorHash(post.account) ? post.account : normalizeAuthorName(post.account);
    if (account.length === 0) continue;
    result.push({ itemId: post.itemId, account, simhash: post.simhash, publishedAt: post.publishedAt });
  }
  return result.sort((a, b) => a.publishedAt - b.publishedAt || a.itemId.localeCompare(b.itemId));
}

/** Union-find over post positions. */
function groupsOf(posts: readonly Post[], settings: CoordinatedSettings): Post[][] {
  const parent = posts.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] ?? at;
    parent[index] = at;
    return at;
  };
  const index = new SimhashIndex<number>();
  posts.forEach((post, position) => {
    for (const candidate of index.query(post.simhash, settings.maxDistance)) {
      const other = posts[candidate.id];
      if (other && post.publishedAt - other.publishedAt <= settings.windowMs) {
        parent[root(position)] = root(candidate.id);
      }
    }
    index.add(position, post.simhash);
  });
  const groups = new Map<number, Post[]>();
  posts.forEach((post, position) => {
    const key = root(position);
    const group = groups.get(key);
    if (group) group.push(post);
    else groups.set(key, [post]);
  });
  return [...groups.values()];
}

/** The window of `group` (sorted by time) with the most distinct accounts; the earliest on a tie. */
function busiestWindow(group: readonly Post[], windowMs: number): Post[] {
  const counts = new Map<string, number>();
  let best: { from: number; to: number; accounts: number } = { from: 0, to: 0, accounts: 0 };
  let left = 0;
  group.forEach((post, right) => {
    counts.set(post.account, (counts.get(post.account) ?? 0) + 1);
    while (post.publishedAt - (group[left]?.publishedAt ?? post.publishedAt) > windowMs) {
      const leaving = group[left]?.account ?? '';
      const remaining = (counts.get(leaving) ?? 1) - 1;
      if (remaining === 0) counts.delete(leaving);
      else counts.set(leaving, remaining);
      left++;
    }
    if (counts.size > best.accounts) best = { from: left, to: right, accounts: counts.size };
  });
  return group.slice(best.from, best.to + 1);
}

/** The coordinated bursts among `posts`, most accounts first. */
export function detectCoordinated(
  posts: readonly PostFingerprint[],
  settings: CoordinatedSettings = DEFAULT_COORDINATED_SETTINGS,
): CoordinatedFinding[] {
  const findings: CoordinatedFinding[] = [];
  for (const group of groupsOf(usable(posts), settings)) {
    const window = busiestWindow(group, settings.windowMs);
    const accounts = new Set(window.map((post) => post.account)).size;
    const first = window[0];
    const last = window[window.length - 1];
    if (accounts < settings.minAccounts || !first || !last) continue;
    findings.push({
      itemIds: window.map((post) => post.itemId),
      accounts,
      from: first.publishedAt,
      to: last.publishedAt,
      windowMs: settings.windowMs,
      simhash: first.simhash,
    });
  }
  return findings.sort((a, b) => b.accounts - a.accounts || a.from - b.from);
}
