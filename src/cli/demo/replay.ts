/**
 * Replaying the demo's sample data through the normal ingest path (`acceptItems`: normalise, analyse,
 * dedup, store, then `onStored` queues evaluation, so schemes, events, alerts and reports all run):
 * a backfill of past days at once, and a live replay that releases a generated day at a speed-up factor
 * with every publication time set to the moment of release.
 */
import type { HotEntry, RawItem } from '../../domain/collection.js';
import type { Source } from '../../domain/entities.js';
import type { Clock } from '../../platform/clock.js';
import { wallTimeAt, wallTimeToEpoch } from '../../analysis/time/zone.js';
import { acceptItems, type AcceptDeps } from '../../pipeline/collect/accept.js';
import { hotItem, hotTopicKey } from '../../sources/hotlist/index.js';
import { generateDemoDay, type DemoPost } from './generate.js';
import { DEMO_HOT_LISTS, hotSnapshot, type DemoHotEntry } from './hot-list.js';
import { demoRandom } from './random.js';
import type { DemoSourceKey } from './spec.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Everyday posts per demo day besides the story. */
export const DEMO_POSTS_PER_DAY = 120;
/** Posts in a day's growing story. */
export const DEMO_STORY_SIZE = 40;
const BATCH = 500;

/** What the replay needs. */
export interface ReplayDeps extends AcceptDeps {
  clock: Clock;
  timeZone: string;
  seed: number;
  sources: Record<DemoSourceKey, Source>;
  hotList: readonly DemoHotEntry[];
}

/** Items handed to ingest so far. */
export interface ReplayCounts {
  inserted: number;
  duplicates: number;
  rejected: number;
}

function sourceKeyOf(post: DemoPost): DemoSourceKey {
  if (post.channel !== 'forum') return post.channel;
  const id = post.item.externalId ?? '';
  const bucket = [...id].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 3;
  return bucket === 0 ? 'forum' : bucket === 1 ? 'forum-east' : 'forum-west';
}

async function accept(
  deps: ReplayDeps,
  source: Source,
  items: readonly RawItem[],
  counts: ReplayCounts,
): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    const result = await acceptItems(deps, source, items.slice(start, start + BATCH), deps.clock.now());
    counts.inserted += result.inserted;
    counts.duplicates += result.duplicates;
    counts.rejected += result.rejected;
  }
}

/** Stores posts with their publication times, grouped by the demo source that carries them. */
async function storePosts(
  deps: ReplayDeps,
  posts: readonly { post: DemoPost; publishedAt: number }[],
  counts: ReplayCounts,
): Promise<void> {
  const bySource = new Map<DemoSourceKey, RawItem[]>();
  for (const { post, publishedAt } of posts) {
    const key = sourceKeyOf(post);
    const list = bySource.get(key) ?? [];
    list.push({ ...post.item, publishedAt });
    bySource.set(key, list);
  }
  for (const [key, items] of bySource) await accept(deps, deps.sources[key], items, counts);
}

/** Records one sighting of each demo hot list at `at` (demo day `day`, `minute` into it). */
async function storeHotLists(
  deps: ReplayDeps,
  day: number,
  minute: number,
  at: number,
  counts: ReplayCounts,
): Promise<void> {
  const hot: ReplayCounts = { inserted: 0, duplicates: 0, rejected: 0 };
  for (const { platform } of DEMO_HOT_LISTS) {
    const entries: HotEntry[] = hotSnapshot(deps.hotList, platform, day, minute);
    if (entries.length === 0) continue;
    const source = deps.sources[platform === 'weibo' ? 'hot-weibo' : 'hot-zhihu'];
    await deps.storage.hotTopics.upsertSightings(
      source.id,
      at,
      entries.map((entry) => ({
        key: hotTopicKey(entry.title),
        title: entry.title,
        url: entry.url ?? null,
        rank: entry.rank,
        heat: entry.heat ?? null,
      })),
    );
    // Titles already on the list come back every hour as duplicates: counted apart from the posts.
    await accept(
      deps,
      source,
      entries.map((entry) => hotItem(entry, at, platform)),
      hot,
    );
  }
  counts.inserted += hot.inserted;
  counts.rejected += hot.rejected;
}

/** Midnight of the calendar day containing `at` in `timeZone`. */
function dayStartOf(at: number, timeZone: string): number {
  const wall = wallTimeAt(at, timeZone);
  return wallTimeToEpoch({ ...wall, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

function dateKey(dayStart: number, timeZone: string): string {
  const wall = wallTimeAt(dayStart, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/**
 * Backfills the `days` days before now: each calendar day gets its everyday posts and a growing story (on
 * the last day the story ends now), and hourly sightings of the hot lists. Days are keyed by date, so a
 * second run the same day stores nothing twice. `onProgress` is told after every day.
 */
export async function backfillDemo(
  deps: ReplayDeps,
  days: number,
  onProgress: (done: number, total: number, counts: ReplayCounts) => void = () => undefined,
): Promise<ReplayCounts> {
  const counts: ReplayCounts = { inserted: 0, duplicates: 0, rejected: 0 };
  if (days <= 0) return counts;
  const now = deps.clock.now();
  const from = now - days * DAY;
  const today = dayStartOf(now, deps.timeZone);
  const total = days + 1;
  for (let back = days; back >= 0; back -= 1) {
    const dayStart = dayStartOf(today - back * DAY + DAY / 2, deps.timeZone);
    const key = dateKey(dayStart, deps.timeZone);
    const nowMinute = (now - dayStart) / MINUTE;
    const startMinute =
      back === 0 ? Math.max(0, nowMinute - 150) : demoRandom(deps.seed, `story:${key}`).int(9 * 60, 15 * 60);
    const posts = generateDemoDay({
      seed: deps.seed,
      key,
      background: DEMO_POSTS_PER_DAY,
      story: { startMinute, minutes: 120, size: DEMO_STORY_SIZE },
    })
      .map((post) => ({ post, publishedAt: Math.round(dayStart + post.minute * MINUTE) }))
      .filter(({ publishedAt }) => publishedAt >= from && publishedAt < now);
    await storePosts(deps, posts, counts);
    const dayNumber = Math.round(dayStart / DAY);
    for (let hour = 0; hour < 24; hour += 1) {
      const at = dayStart + (hour * 60 + 59) * MINUTE;
      if (at >= from && at < now) await storeHotLists(deps, dayNumber, hour * 60 + 59, at, counts);
    }
    onProgress(total - back, total, { ...counts });
  }
  return counts;
}

/** A running live replay. */
export interface LiveReplay {
  counts: ReplayCounts;
  /** Releases what is due now (the timer calls it; tests may too). */
  step(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the live replay: generated days (a growing story in the first virtual hour, then everyday posts)
 * released `speed` times faster than real time, each post published at the moment it is released, and the
 * hot lists refreshed every virtual hour. Failures are told to `onError` and the next step goes on.
 */
export function startLiveReplay(
  deps: ReplayDeps,
  options: { speed: number; tickMs?: number; onError: (error: unknown) => void },
): LiveReplay {
  const counts: ReplayCounts = { inserted: 0, duplicates: 0, rejected: 0 };
  const startedAt = deps.clock.now();
  let cycle = -1;
  let cycleStart = startedAt;
  let posts: DemoPost[] = [];
  let next = 0;
  let hotMinute = -1;
  const beginCycle = (at: number): void => {
    cycle += 1;
    cycleStart = at;
    posts = generateDemoDay({
      seed: deps.seed,
      key: `live-${startedAt}-${cycle}`,
      background: DEMO_POSTS_PER_DAY,
      story: { startMinute: 0, minutes: 60, size: DEMO_STORY_SIZE },
    });
    next = 0;
    hotMinute = -1;
  };
  beginCycle(startedAt);
  const release = async (): Promise<void> => {
    const now = deps.clock.now();
    let minute = ((now - cycleStart) * options.speed) / MINUTE;
    if (minute >= 24 * 60) {
      beginCycle(now);
      minute = 0;
    }
    const due: { post: DemoPost; publishedAt: number }[] = [];
    while (next < posts.length && (posts[next]?.minute ?? Infinity) <= minute) {
      const post = posts[next];
      if (post) due.push({ post, publishedAt: now });
      next += 1;
    }
    if (due.length > 0) await storePosts(deps, due, counts);
    const hourMark = Math.floor(minute / 60) * 60;
    if (hourMark > hotMinute) {
      hotMinute = hourMark;
      await storeHotLists(deps, Math.round(startedAt / DAY) + cycle, hourMark + 59, now, counts);
    }
  };
  let running: Promise<void> | null = null;
  const step = (): Promise<void> => {
    running ??= release()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void step(), options.tickMs ?? 1000);
  timer.unref();
  return {
    counts,
    step,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
