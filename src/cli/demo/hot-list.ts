/**
 * The bundled hot lists (models/demo/hot-search.jsonl, derived from the MIT-licensed hot-search archive, see
 * its README): three days of Weibo 热搜 and Zhihu 热榜 titles with the minute of the day each first appeared.
 * The replay shows, at each moment of a demo day, the list as it stood at that time of its day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../api/console.js';
import type { HotEntry } from '../../domain/collection.js';
import { AppError } from '../../platform/errors.js';

/** The hot lists the demo replays, with the platform their source carries. */
export const DEMO_HOT_LISTS = [
  { platform: 'weibo', name: '微博热搜' },
  { platform: 'zhihu', name: '知乎热榜' },
] as const;
/** A platform of {@link DEMO_HOT_LISTS}. */
export type DemoHotPlatform = (typeof DEMO_HOT_LISTS)[number]['platform'];

const entrySchema = z.object({
  platform: z.enum(['weibo', 'zhihu']),
  day: z.number().int().min(0),
  minute: z.number().int().min(0).max(1439),
  rank: z.number().int().min(1),
  title: z.string().min(1),
  url: z.string().url(),
});

/** One bundled entry: the title, its rank and the minute of its archive day it first appeared. */
export type DemoHotEntry = z.infer<typeof entrySchema>;

/** The path of the bundled file. */
export function demoHotListPath(): string {
  return join(packageRoot(), 'models', 'demo', 'hot-search.jsonl');
}

/** Reads the bundled hot lists; a missing or malformed file is CONFIG_INVALID naming the line. */
export function readDemoHotList(path: string = demoHotListPath()): DemoHotEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'CONFIG_INVALID',
      `cannot read the demo hot lists ${path}: ${(error as Error).message}`,
    );
  }
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const parsed = entrySchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new AppError('CONFIG_INVALID', `${path} line ${number}: ${parsed.error.issues[0]?.message}`);
      }
      return parsed.data;
    });
}

/** How many archive days the file holds. */
export function hotListDays(entries: readonly DemoHotEntry[]): number {
  return entries.reduce((days, entry) => Math.max(days, entry.day + 1), 0);
}

/**
 * The list of `platform` as it stood `minute` minutes into demo day `day` (archive days repeat): the titles
 * already seen that day, the latest `size` of them, ranked 1… in the order of their archive rank.
 */
export function hotSnapshot(
  entries: readonly DemoHotEntry[],
  platform: DemoHotPlatform,
  day: number,
  minute: number,
  size = 30,
): HotEntry[] {
  const days = Math.max(1, hotListDays(entries));
  const archiveDay = ((day % days) + days) % days;
  return entries
    .filter((entry) => entry.platform === platform && entry.day === archiveDay && entry.minute <= minute)
    .slice(-size)
    .sort((a, b) => a.rank - b.rank)
    .map((entry, index) => ({ rank: index + 1, title: entry.title, url: entry.url, heat: null }));
}
