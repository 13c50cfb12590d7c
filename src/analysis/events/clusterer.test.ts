import { describe, expect, it } from 'vitest';
import {
  IncrementalClusterer,
  keeps,
  type ClusterItem,
  type ClusterOptions,
  type EventState,
} from './clusterer.js';
import { cosine, termVector, topTerms } from './vectors.js';

const HOUR = 3600_000;
const OPTIONS: ClusterOptions = {
  threshold: 0.3,
  mergeThreshold: 0.6,
  windowMs: 72 * HOUR,
  centroidTerms: 40,
};

function item(id: string, terms: string, hour: number, originId: string | null = null): ClusterItem {
  return {
    id,
    publishedAt: hour * HOUR,
    vector: termVector(terms.split(' ').filter(Boolean), () => 1),
    originId,
  };
}

function run(
  items: ClusterItem[],
  options: ClusterOptions = OPTIONS,
): { clusterer: IncrementalClusterer; events: Map<string, string> } {
  let next = 0;
  const clusterer = new IncrementalClusterer(options, () => `e${++next}`);
  for (const it of items) clusterer.add(it);
  const events = new Map(items.map((it) => [it.id, clusterer.eventOf(it.id) ?? '']));
  return { clusterer, events };
}

describe('vectors', () => {
  it.each<[string, string, string, number]>([
    ['identical', '火灾 小区 消防', '火灾 小区 消防', 1],
    ['disjoint', '火灾 小区', '高考 成绩', 0],
    ['half shared', '火灾 小区', '火灾 学校', 0.5],
    ['empty', '', '火灾', 0],
  ])('cosine of %s term lists', (_name, a, b, expected) => {
    const va = termVector(a.split(' ').filter(Boolean), () => 1);
    const vb = termVector(b.split(' ').filter(Boolean), () => 1);
    expect(cosine(va, vb)).toBeCloseTo(expected, 6);
  });

  it('keeps the strongest terms, ties by term', () => {
    expect([
      ...topTerms(
        new Map([
          ['b', 1],
          ['a', 1],
          ['c', 3],
          ['d', 0],
        ]),
        2,
      ).keys(),
    ]).toEqual(['c', 'a']);
  });
});

describe('IncrementalClusterer', () => {
  it.each<[string, ClusterItem[], string[][]]>([
    [
      'two stories stay apart',
      [
        item('a', '小区 火灾 消防 救援', 0),
        item('b', '高考 成绩 公布 考生', 1),
        item('c', '火灾 小区 伤亡', 2),
        item('d', '高考 考生 分数线', 3),
      ],
      [
        ['a', 'c'],
        ['b', 'd'],
      ],
    ],
    [
      'a repost with no words joins its original',
      [
        item('a', '地铁 故障 停运', 0),
        item('b', '外卖 骑手 事故', 1),
        item('r', '', 2, 'a'),
        item('rr', '转发 微博', 3, 'r'),
      ],
      [['a', 'r', 'rr'], ['b']],
    ],
    [
      'a similar item outside the window starts a new event',
      [item('a', '暴雨 内涝 积水', 0), item('b', '暴雨 内涝 积水', 100)],
      [['a'], ['b']],
    ],
    [
      'an item with no terms and no origin is alone',
      [item('a', '暴雨 内涝', 0), item('b', '', 1)],
      [['a'], ['b']],
    ],
  ])('%s', (_name, items, groups) => {
    const { events } = run(items);
    for (const group of groups) {
      const ids = new Set(group.map((id) => events.get(id)));
      expect(ids.size).toBe(1);
    }
    const distinct = new Set(groups.map((group) => events.get(group[0] ?? '')));
    expect(distinct.size).toBe(groups.length);
  });

  it('merges two events once a bridging item makes their centroids alike; the larger keeps its id', () => {
    const { clusterer, events } = run(
      [
        item('a1', '化工厂 爆炸 浓烟', 0),
        item('a2', '化工厂 爆炸 浓烟', 1),
        item('b1', '爆炸 浓烟 居民 疏散', 2),
        item('b2', '化工厂 爆炸 浓烟 居民 疏散', 3),
      ],
      { ...OPTIONS, threshold: 0.75, mergeThreshold: 0.65 },
    );
    expect(events.get('a1')).toBe('e1');
    expect(new Set(events.values())).toEqual(new Set(['e1']));
    expect(clusterer.states().map((s) => s.id)).toEqual(['e1']);
    expect(clusterer.states()[0]?.size).toBe(4);
  });

  it('reports merges and resolves members of merged events', () => {
    let next = 0;
    const clusterer = new IncrementalClusterer(
      { ...OPTIONS, threshold: 0.75, mergeThreshold: 0.65 },
      () => `e${++next}`,
    );
    clusterer.add(item('a1', '化工厂 爆炸 浓烟', 0));
    clusterer.add(item('b1', '爆炸 浓烟 居民 疏散', 1));
    const bridged = clusterer.add(item('b2', '化工厂 爆炸 浓烟 居民 疏散', 2));
    expect(bridged.merges).toEqual([expect.objectContaining({ fromId: 'e1', intoId: 'e2' })]);
    expect(bridged.assignment.eventId).toBe('e2');
    expect(clusterer.eventOf('a1')).toBe('e2');
  });

  it('continues from stored state and finds the event of a stored original', () => {
    const stored: EventState = {
      id: 'old',
      centroid: termVector(['山体', '滑坡', '救援'], () => 1),
      size: 3,
      firstAt: 0,
      lastAt: 5 * HOUR,
    };
    const clusterer = new IncrementalClusterer(OPTIONS, () => 'new', [stored], [['orig', 'old']]);
    expect(clusterer.add(item('x', '滑坡 救援 进展', 6)).assignment).toMatchObject({
      eventId: 'old',
      reason: 'similar',
    });
    expect(clusterer.add(item('y', '', 7, 'orig')).assignment).toMatchObject({
      eventId: 'old',
      reason: 'origin',
    });
    expect(clusterer.add(item('z', '演唱会 门票', 7)).assignment).toMatchObject({
      eventId: 'new',
      reason: 'new',
    });
  });

  it('keeps a bounded centroid', () => {
    const words = Array.from({ length: 100 }, (_, i) => `词${i}`);
    const { clusterer } = run([item('a', words.join(' '), 0)], { ...OPTIONS, centroidTerms: 10 });
    expect(clusterer.states()[0]?.centroid.size).toBe(10);
  });

  it.each<[string, EventState, EventState, string]>([
    [
      'larger',
      { id: 'x', centroid: new Map(), size: 5, firstAt: 9, lastAt: 9 },
      { id: 'y', centroid: new Map(), size: 2, firstAt: 0, lastAt: 0 },
      'x',
    ],
    [
      'older on equal size',
      { id: 'x', centroid: new Map(), size: 2, firstAt: 9, lastAt: 9 },
      { id: 'y', centroid: new Map(), size: 2, firstAt: 0, lastAt: 0 },
      'y',
    ],
    [
      'smaller id on a full tie',
      { id: 'y', centroid: new Map(), size: 2, firstAt: 0, lastAt: 0 },
      { id: 'x', centroid: new Map(), size: 2, firstAt: 0, lastAt: 0 },
      'x',
    ],
  ])('keeps the %s event', (_name, a, b, kept) => {
    expect(keeps(a, b)[0].id).toBe(kept);
  });
});
