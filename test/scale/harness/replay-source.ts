/**
 * The replay source of the scale tests: a real HTTP server on 127.0.0.1 that serves a fixed set of
 * synthetic posts as many JSON API sources (`/feed/<source>?page=<n>`, newest first, a page of
 * {@link PAGE_SIZE}), so each collect job fetches up to {@link PAGES_PER_SOURCE} pages — hundreds of items
 * per fetch, as a busy platform API would answer. Texts are unique per item (so exact dedup keeps every
 * one), grouped into a few thousand stories (so clustering forms events of a few dozen posts), and a known subset carries
 * marker phrases that the tests' monitoring schemes match.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROVINCES } from '../../../bench/corpus/words/places.js';
import { EVENTS, PEOPLE, SUBJECTS } from '../../../bench/corpus/words/vocabulary.js';

/** Items per page of a replay feed. */
export const PAGE_SIZE = 100;
/** Pages a collect job fetches per source (the json source's `maxPages`). */
export const PAGES_PER_SOURCE = 10;
/** Items each replay source holds. */
export const ITEMS_PER_SOURCE = PAGE_SIZE * PAGES_PER_SOURCE;

/** The marker phrases and which items carry them (by global item number). */
export const MARKERS = [
  { phrase: '滨江大桥', every: 40, offset: 7 },
  { phrase: '供暖中断', every: 40, offset: 23 },
] as const;

/** Posts per story on average: items of one story share its place, body, event and person. */
const STORIES = 4000;
const COUNTIES = PROVINCES.flat().flatMap((place) => (place.county ? [place.county] : []));
const TURNS = ['引发居民热议', '网友纷纷留言', '相关部门回应', '市民反映强烈', '多方关注进展'];

/** One replayed post. */
export interface ReplayItem {
  id: string;
  title: string;
  content: string;
  url: string;
  time: string;
  likes: number;
}

/** The global number of item `index` of source `source` (0-based both). */
export function itemNumber(source: number, index: number): number {
  return source * ITEMS_PER_SOURCE + index;
}

/** True when item number `n` carries the marker. */
export function carries(marker: (typeof MARKERS)[number], n: number): boolean {
  return n % marker.every === marker.offset;
}

/** How many of the first `total` items carry the marker. */
export function countCarrying(marker: (typeof MARKERS)[number], total: number): number {
  let count = 0;
  for (let n = 0; n < total; n += 1) if (carries(marker, n)) count += 1;
  return count;
}

function pick<T>(list: readonly T[], n: number): T {
  const value = list[n % list.length];
  if (value === undefined) throw new Error('empty word list');
  return value;
}

/** The post with global number `n`, published within the `spanMs` before `now`. */
export function replayItem(origin: string, n: number, now: number, spanMs: number): ReplayItem {
  const story = (n * 7919) % STORIES;
  const place = pick(COUNTIES, story);
  const subject = pick(SUBJECTS, story * 7);
  const event = pick(EVENTS, story * 13).word;
  const person = pick(PEOPLE, story * 17);
  const marks = MARKERS.filter((marker) => carries(marker, n)).map((marker) => marker.phrase);
  const title = `${place}${subject}${event}${marks.join('')}`;
  const content =
    `${place}${person}说${subject}${event}，${pick(TURNS, n)}。` +
    `${marks.length > 0 ? `${marks.join('、')}。` : ''}（${n}）`;
  return {
    id: `p${n}`,
    title,
    content,
    url: `${origin}/post/${n}`,
    time: new Date(now - ((n * 104729) % spanMs)).toISOString(),
    likes: n % 113,
  };
}

/** A running replay server. */
export interface ReplaySource {
  origin: string;
  /** The feed URL of source number `source` (the json config adds `page`). */
  feedUrl(source: number): string;
  /** Page requests answered so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Starts the replay server for `sources` sources of {@link ITEMS_PER_SOURCE} items each. */
export async function startReplaySource(sources: number, now = Date.now()): Promise<ReplaySource> {
  let served = 0;
  let origin = '';
  const spanMs = 12 * 3600_000;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/feed\/(\d+)$/.exec(url.pathname);
    const source = match ? Number(match[1]) : -1;
    const page = Number(url.searchParams.get('page') ?? '1');
    if (source < 0 || source >= sources || !Number.isInteger(page) || page < 1) {
      response.writeHead(404).end('not found');
      return;
    }
    served += 1;
    const items: ReplayItem[] = [];
    for (let index = (page - 1) * PAGE_SIZE; index < Math.min(page * PAGE_SIZE, ITEMS_PER_SOURCE); index++) {
      items.push(replayItem(origin, itemNumber(source, index), now, spanMs));
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ items }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feedUrl: (source) => `${origin}/feed/${source}`,
    requests: () => served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The json source configuration that reads a replay feed. */
export function replaySourceConfig(feedUrl: string): Record<string, unknown> {
  return {
    url: feedUrl,
    items: '$.items',
    fields: {
      id: '$.id',
      title: '$.title',
      content: '$.content',
      url: '$.url',
      time: '$.time',
      likes: '$.likes',
    },
    pagination: { type: 'page', param: 'page', start: 1, maxPages: PAGES_PER_SOURCE },
  };
}
