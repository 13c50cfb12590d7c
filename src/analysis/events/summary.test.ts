import { describe, expect, it } from 'vitest';
import type { EventMember } from './summary.js';
import { firstSentence, repostTree, sentimentMix, summarizeEvent } from './summary.js';
import { eventTimeline } from './timeline.js';

const NONE = { likes: 0, comments: 0, reposts: 0, views: 0 };

function member(id: string, patch: Partial<EventMember> = {}): EventMember {
  return {
    id,
    title: null,
    content: `${id} 的内容。后面还有一句`,
    author: null,
    platform: 'weibo',
    sourceId: 's1',
    publishedAt: 1000,
    sentiment: 'neutral',
    regions: [],
    engagement: NONE,
    parentId: null,
    dupOf: null,
    centrality: 0.5,
    ...patch,
  };
}

describe('firstSentence', () => {
  it.each<[string, string]>([
    ['某小区发生火灾。消防已到场', '某小区发生火灾'],
    ['  暴雨  预警\n全市停课', '暴雨 预警 全市停课'],
    ['没有句号的一句话', '没有句号的一句话'],
    ['长'.repeat(100), `${'长'.repeat(79)}…`],
  ])('%j → %j', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });
});

describe('summarizeEvent', () => {
  const members = [
    member('orig', {
      publishedAt: 100,
      title: '化工厂爆炸',
      centrality: 0.9,
      regions: [{ province: '江苏省', city: '苏州市', county: null }],
      sourceId: 'a',
    }),
    member('copy', {
      publishedAt: 200,
      dupOf: 'orig',
      centrality: 0.95,
      sentiment: 'negative',
      sourceId: 'b',
      platform: 'douyin',
    }),
    member('repost', {
      publishedAt: 300,
      parentId: 'copy',
      centrality: 0,
      sentiment: 'negative',
      engagement: { ...NONE, reposts: 100 },
    }),
    member('other', {
      publishedAt: 400,
      centrality: 0.4,
      sentiment: 'positive',
      regions: [
        { province: '江苏省', city: '苏州市', county: null },
        { province: '浙江省', city: null, county: null },
      ],
    }),
    member('outside', {
      publishedAt: 500,
      parentId: 'not-in-event',
      centrality: 0.1,
      sentiment: null,
      sourceId: null,
      platform: null,
    }),
  ];
  const summary = summarizeEvent(members, 9999);

  it('names the first publisher and the time span', () => {
    expect(summary).toMatchObject({
      firstItemId: 'orig',
      firstPublishedAt: 100,
      lastPublishedAt: 500,
      itemCount: 5,
    });
  });

  it('counts reposts and copies inside the event only', () => {
    expect(summary.repostCount).toBe(2);
    expect(repostTree(members)).toEqual(
      new Map([
        ['orig', null],
        ['copy', 'orig'],
        ['repost', 'copy'],
        ['other', null],
        ['outside', null],
      ]),
    );
  });

  it('counts sources, platforms, regions and sentiment', () => {
    expect(summary.sourceCount).toBe(4);
    expect(summary.platforms).toEqual(['douyin', 'weibo']);
    expect(summary.regions[0]).toEqual({ province: '江苏省', city: '苏州市', county: null });
    expect(summary.regions).toHaveLength(2);
    expect(summary.sentiment).toEqual({ positive: 1, neutral: 2, negative: 2 });
  });

  it('picks central originals first, then the most engaged, and titles the event after the most central', () => {
    expect(summary.representativeIds.slice(0, 3)).toEqual(['orig', 'other', 'outside']);
    expect(summary.representativeIds[3]).toBe('repost');
    expect(summary.title).toBe('化工厂爆炸');
  });

  it('gives an empty event an empty summary', () => {
    expect(summarizeEvent([], 5)).toMatchObject({
      title: '',
      firstItemId: null,
      itemCount: 0,
      firstPublishedAt: 5,
    });
  });

  it.each<[string, EventMember['sentiment'][], { positive: number; neutral: number; negative: number }]>([
    ['all kinds', ['positive', 'negative', null, 'neutral'], { positive: 1, neutral: 2, negative: 1 }],
    ['none', [], { positive: 0, neutral: 0, negative: 0 }],
  ])('sentiment mix of %s', (_name, labels, mix) => {
    expect(sentimentMix(labels.map((sentiment) => ({ sentiment })))).toEqual(mix);
  });
});

describe('eventTimeline', () => {
  it('buckets items with their sentiment, oldest first, empty buckets left out', () => {
    const hour = 3600_000;
    expect(
      eventTimeline(
        [
          { publishedAt: 2 * hour + 5, sentiment: 'negative' },
          { publishedAt: 10, sentiment: 'positive' },
          { publishedAt: 2 * hour + 50, sentiment: null },
        ],
        hour,
      ),
    ).toEqual([
      { at: 0, items: 1, sentiment: { positive: 1, neutral: 0, negative: 0 } },
      { at: 2 * hour, items: 2, sentiment: { positive: 0, neutral: 1, negative: 1 } },
    ]);
  });
});

describe('representatives on ties', () => {
  it('treats centralities equal to 6 decimals as a tie and prefers the earlier item', () => {
    const summary = summarizeEvent(
      [
        member('later', { publishedAt: 200, centrality: 1.0000000000000002, title: '后来者' }),
        member('first', { publishedAt: 100, centrality: 1, title: '首发' }),
      ],
      300,
    );
    expect(summary.representativeIds[0]).toBe('first');
    expect(summary.title).toBe('首发');
  });
});
