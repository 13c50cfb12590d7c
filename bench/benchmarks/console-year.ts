/**
 * A year of items for the console benchmarks: the bench corpus repeated over the 365 days before `now`,
 * with a working day's volume already in today (about 800 items between local midnight and now, however
 * early the run starts), and sentiment, categories and regions from a seeded source.
 */
import type { RegionRef, SentimentLabel } from '../../src/domain/index.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { SeededRandom } from '../corpus/random.js';
import { formatCount } from '../support/report.js';
import { batchesOf } from './context.js';

/** Days the seeded items span. */
export const YEAR_DAYS = 365;
/** Items stored between local midnight and now. */
export const TODAY_ITEMS = 800;

const DAY = 86_400_000;
const SENTIMENTS: SentimentLabel[] = ['positive', 'neutral', 'neutral', 'negative'];
const CATEGORIES = [[], ['housing'], ['education'], ['public_safety', 'traffic'], ['healthcare']];
const REGIONS: RegionRef[][] = [
  [],
  [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
  [{ province: '浙江省', city: '杭州市', county: null }],
  [{ province: '广东省', city: '广州市', county: null }],
  [{ province: '北京市', city: '北京市', county: null }],
  [{ province: '河南省', city: '郑州市', county: null }],
  [{ province: '广西壮族自治区', city: '南宁市', county: null }],
  [
    { province: '四川省', city: '成都市', county: null },
    { province: '重庆市', city: '重庆市', county: null },
  ],
];

/** The publication time of the `n`-th of `total` items: the older ones evenly before midnight, the rest today. */
export function yearTime(n: number, total: number, now: number): number {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const today = Math.min(TODAY_ITEMS, total);
  const older = total - today;
  if (n < older) {
    const start = now - YEAR_DAYS * DAY;
    return Math.floor(start + (n * (midnight.getTime() - start)) / older);
  }
  return Math.floor(midnight.getTime() + ((n - older) * (now - midnight.getTime())) / today);
}

/** Stores `total` items of `corpus` (repeated, with distinct hashes and URLs) for `unitId`, oldest first. */
export async function storeYear(
  storage: Storage,
  corpus: readonly NewItem[],
  unitId: string,
  total: number,
  now: number,
): Promise<void> {
  const random = new SeededRandom(20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
  for (const indexes of batchesOf(
    Array.from({ length: total }, (_, n) => n),
    2000,
  )) {
    const batch = indexes.map((n): NewItem => {
      const { id: _id, ...item } = corpus[n % corpus.length] as NewItem;
      const copy = Math.floor(n / corpus.length);
      const at = yearTime(n, total, now);
      return {
        ...item,
        canonicalUrl: item.canonicalUrl ? `${item.canonicalUrl}#${copy}` : null,
        unitId,
        sourceId: null,
        parentId: null,
        contentHash: `${item.contentHash}-${copy}`,
        externalId: null,
        publishedAt: at,
        collectedAt: at + 60_000,
        sentiment: pick(SENTIMENTS),
        categories: [...pick(CATEGORIES)],
        regions: pick(REGIONS),
      };
    });
    await storage.items.insertMany(batch);
    if ((indexes[0] ?? 0) % 50_000 === 0) {
      process.stderr.write(`console benchmark: stored ${formatCount(indexes[0] ?? 0)} items\n`);
    }
  }
}
