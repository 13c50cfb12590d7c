/**
 * The demo's sample data: the generator is deterministic, its items pass the push API's item schema and
 * the ingest normaliser, the stories repeat texts so events can form; the bundled hot lists read and
 * replay as ranked lists; every demo scheme compiles and every demo rule validates.
 */
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/analysis/expression/index.js';
import { parseRuleDefinition } from '../../src/alerts/rules/schema.js';
import { generateDemoDay } from '../../src/cli/demo/generate.js';
import { hotListDays, hotSnapshot, readDemoHotList } from '../../src/cli/demo/hot-list.js';
import { DEMO_RULES, DEMO_SCHEMES } from '../../src/cli/demo/spec.js';
import { ingestItem } from '../../src/contract/ingest.js';

const STORY = { startMinute: 600, minutes: 120, size: 40 };

describe('generateDemoDay', () => {
  it('gives the same posts for the same seed and key, and others for another key', () => {
    const a = generateDemoDay({ seed: 7, key: '2024-05-01', background: 120, story: STORY });
    const b = generateDemoDay({ seed: 7, key: '2024-05-01', background: 120, story: STORY });
    const c = generateDemoDay({ seed: 7, key: '2024-05-02', background: 120, story: STORY });
    expect(a).toEqual(b);
    expect(a.map((post) => post.item.content)).not.toEqual(c.map((post) => post.item.content));
    expect(a).toHaveLength(120 + STORY.size);
  });

  it('produces items the push API accepts, ordered by minute, on every platform', () => {
    const posts = generateDemoDay({ seed: 1, key: 'schema', background: 200, story: STORY });
    for (const { item } of posts) {
      const parsed = ingestItem.safeParse({
        id: item.externalId ?? undefined,
        kind: item.kind,
        url: item.url ?? undefined,
        ...(item.title ? { title: item.title } : {}),
        content: item.content,
        author: item.author ?? undefined,
        publishedAt: Date.now(),
        platform: item.platform ?? undefined,
        parentId: item.parent?.externalId ?? undefined,
        likes: item.engagement?.likes,
        comments: item.engagement?.comments,
        reposts: item.engagement?.reposts,
        views: item.engagement?.views,
        ipRegion: item.ipRegion ?? undefined,
      });
      expect(parsed.success, JSON.stringify(item)).toBe(true);
      expect(item.content).not.toMatch(/\{\w+\}/u);
    }
    const minutes = posts.map((post) => post.minute);
    expect(minutes).toEqual([...minutes].sort((x, y) => x - y));
    expect(new Set(posts.map((post) => post.channel))).toEqual(new Set(['weibo', 'douyin', 'news', 'forum']));
    expect(new Set(posts.map((post) => post.item.externalId)).size).toBe(posts.length);
  });

  it('tells a story that grows faster towards its end, with reposts of its first Weibo post', () => {
    const posts = generateDemoDay({ seed: 3, key: 'story', background: 0, story: STORY });
    const reposts = posts.filter((post) => post.item.kind === 'repost');
    expect(reposts.length).toBeGreaterThan(10);
    expect(new Set(reposts.map((post) => post.item.parent?.externalId))).toEqual(new Set(['story-s1']));
    const firstHalf = posts.filter((post) => post.minute < STORY.startMinute + STORY.minutes / 2).length;
    expect(posts.length - firstHalf).toBeGreaterThan(firstHalf);
  });

  it('leaves out posts after untilMinute', () => {
    const posts = generateDemoDay({ seed: 1, key: 'k', background: 120, story: null, untilMinute: 600 });
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((post) => post.minute < 600)).toBe(true);
  });
});

describe('the bundled hot lists', () => {
  const entries = readDemoHotList();

  it('holds a few hundred Weibo and Zhihu entries over three archive days', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    expect(entries.length).toBeLessThanOrEqual(1000);
    expect(new Set(entries.map((entry) => entry.platform))).toEqual(new Set(['weibo', 'zhihu']));
    expect(hotListDays(entries)).toBe(3);
  });

  it('shows the list as it stood at a minute of the day, ranked from 1, growing over the day', () => {
    const morning = hotSnapshot(entries, 'weibo', 0, 8 * 60, 100);
    const evening = hotSnapshot(entries, 'weibo', 0, 22 * 60, 100);
    expect(evening.length).toBeGreaterThan(morning.length);
    expect(evening.map((entry) => entry.rank)).toEqual(evening.map((_, index) => index + 1));
    expect(hotSnapshot(entries, 'zhihu', 3, 22 * 60, 100)).toEqual(
      hotSnapshot(entries, 'zhihu', 0, 22 * 60, 100),
    );
  });
});

describe('the demo workspace spec', () => {
  it('has schemes that compile and rules that validate', () => {
    for (const scheme of DEMO_SCHEMES) expect(() => parseExpression(scheme.expression)).not.toThrow();
    for (const rule of DEMO_RULES)
      expect(parseRuleDefinition(rule.definition).name).toBe(rule.definition.name);
  });
});
