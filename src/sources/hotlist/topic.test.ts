import { describe, expect, it } from 'vitest';
import type { HotEntry } from '../../domain/collection.js';
import { hotTopicKey, mergeHotSighting, type HotSighting } from './topic.js';

describe('hotTopicKey', () => {
  it.each([
    ['hashtag marks', '#苏州地铁5号线延误#', '苏州地铁5号线延误'],
    ['full-width hashtag and spaces', '＃ 五一假期 景区 人从众 ＃', '五一假期 景区 人从众'],
    ['full-width letters and digits', 'ＮＢＡ季后赛 第５场', 'nba季后赛 第5场'],
    ['surrounding whitespace', '  高考报名时间公布\n', '高考报名时间公布'],
    ['plain', '多地发布暴雨预警', '多地发布暴雨预警'],
  ])('%s', (_name, title, key) => {
    expect(hotTopicKey(title)).toBe(key);
  });
});

const T0 = Date.UTC(2024, 4, 3, 4, 0);
const MIN = 60_000;

const known: HotSighting = {
  title: '多地发布暴雨预警',
  url: 'https://s.example.cn/top?q=暴雨',
  firstSeenAt: T0,
  lastSeenAt: T0 + 10 * MIN,
  lastRank: 5,
  peakRank: 3,
  lastHeat: 800000,
  peakHeat: 900000,
  sightings: 2,
};

const entry = (rank: number, heat: number | null, url: string | null = null): HotEntry => ({
  rank,
  title: '多地发布暴雨预警',
  url,
  heat,
});

describe('mergeHotSighting', () => {
  it.each<[string, HotSighting | null, HotEntry, number, Partial<HotSighting>]>([
    [
      'a new topic',
      null,
      entry(7, 120000, 'https://s.example.cn/a'),
      T0,
      {
        firstSeenAt: T0,
        lastSeenAt: T0,
        lastRank: 7,
        peakRank: 7,
        lastHeat: 120000,
        peakHeat: 120000,
        sightings: 1,
        url: 'https://s.example.cn/a',
      },
    ],
    ['a new topic without heat', null, entry(2, null), T0, { lastHeat: null, peakHeat: null, url: null }],
    [
      'climbing to a better rank',
      known,
      entry(1, 1500000),
      T0 + 20 * MIN,
      {
        firstSeenAt: T0,
        lastSeenAt: T0 + 20 * MIN,
        lastRank: 1,
        peakRank: 1,
        lastHeat: 1500000,
        peakHeat: 1500000,
        sightings: 3,
      },
    ],
    [
      'falling back keeps the peak',
      known,
      entry(12, 300000),
      T0 + 20 * MIN,
      { lastRank: 12, peakRank: 3, lastHeat: 300000, peakHeat: 900000, sightings: 3, url: known.url },
    ],
    [
      'a sighting without heat keeps the peak heat',
      known,
      entry(4, null),
      T0 + 20 * MIN,
      { lastHeat: null, peakHeat: 900000 },
    ],
    [
      'an older sighting delivered late',
      known,
      entry(2, 950000),
      T0 - 10 * MIN,
      {
        firstSeenAt: T0 - 10 * MIN,
        lastSeenAt: T0 + 10 * MIN,
        lastRank: 5,
        peakRank: 2,
        lastHeat: 800000,
        peakHeat: 950000,
        sightings: 3,
      },
    ],
  ])('%s', (_name, topic, sighting, at, expected) => {
    expect(mergeHotSighting(topic, sighting, at)).toMatchObject(expected);
  });
});
