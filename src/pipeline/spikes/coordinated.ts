/**
 * Coordinated posting for one unit (issue 5 §4), one straight line: load the unit's items published in
 * the look-back window before `at` (author and SimHash only matter) → run the pure detector → return the
 * bursts. It writes nothing and names no account; the caller turns findings into alerts.
 */
import {
  DEFAULT_COORDINATED_SETTINGS,
  detectCoordinated,
  type CoordinatedFinding,
  type CoordinatedSettings,
  type PostFingerprint,
} from '../../analysis/spike/index.js';
import type { Storage } from '../../storage/repositories.js';

/** Dependencies of {@link detectCoordinatedPosting}. */
export interface CoordinatedDeps {
  storage: Pick<Storage, 'items'>;
  /** Overrides of DEFAULT_COORDINATED_SETTINGS. */
  settings?: Partial<CoordinatedSettings>;
  /** How far back to look (two windows by default, so a burst across a run boundary is seen whole). */
  lookbackMs?: number;
  /** The most items read per run; the newest are kept when there are more. */
  maxItems?: number;
}

/** A burst found for a unit, with a key that stays the same while the burst's first post does. */
export interface CoordinatedPostingFinding extends CoordinatedFinding {
  key: string;
  unitId: string;
}

const PAGE = 500;

/** The items of `unitId` published in [from, to), newest first, as fingerprints. */
async function postsOf(
  storage: Pick<Storage, 'items'>,
  unitId: string,
  from: number,
  to: number,
  maxItems: number,
): Promise<PostFingerprint[]> {
  const posts: PostFingerprint[] = [];
  let cursor: string | null = null;
  do {
    const page = await storage.items.search({
      scope: { unitIds: [unitId] },
      match: null,
      filters: { from, to },
      sort: 'time',
      page: { limit: PAGE, cursor },
    });
    for (const item of page.items) {
      posts.push({
        itemId: item.id,
        account: item.author,
        simhash: item.simhash,
        publishedAt: item.publishedAt,
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== null && posts.length < maxItems);
  return posts.slice(0, maxItems);
}

/** The coordinated bursts among the unit's items of the look-back window before `at`. */
export async function detectCoordinatedPosting(
  deps: CoordinatedDeps,
  input: { unitId: string; at: number },
): Promise<CoordinatedPostingFinding[]> {
  const settings: CoordinatedSettings = { ...DEFAULT_COORDINATED_SETTINGS, ...deps.settings };
  const lookbackMs = deps.lookbackMs ?? 2 * settings.windowMs;
  const posts = await postsOf(
    deps.storage,
    input.unitId,
    input.at - lookbackMs,
    input.at,
    deps.maxItems ?? 20_000,
  );
  return detectCoordinated(posts, settings).map((finding) => ({
    ...finding,
    key: `coordinated:${input.unitId}:${finding.itemIds[0] ?? ''}`,
    unitId: input.unitId,
  }));
}
