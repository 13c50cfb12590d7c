/**
 * The demo's sample posts (pure): a day of everyday posts on several platforms in a mix of voices, plus a
 * growing story — a first post, copies, reposts that come faster and faster, and an official reply — so
 * that near duplicates form an event and the alert rules fire. The same seed and key give the same posts.
 */
import type { RawItem } from '../../domain/collection.js';
import { demoRandom, type DemoRandom } from './random.js';
import {
  DEMO_PLACES,
  DEMO_SLOTS,
  DEMO_STORIES,
  DEMO_TOPICS,
  type DemoStory,
  type DemoText,
  type DemoTopic,
} from './templates.js';

/** The platforms the demo's posts arrive from; each has a push source in the demo workspace. */
export const DEMO_CHANNELS = ['weibo', 'douyin', 'news', 'forum'] as const;
/** One of {@link DEMO_CHANNELS}. */
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

/** A generated item before its publication time is set (the replay shifts times to "now"). */
export type DemoRawItem = Omit<RawItem, 'publishedAt' | 'publishedText'>;

/** One post of a demo day. */
export interface DemoPost {
  /** Minutes after the start of the day (fractional). */
  minute: number;
  channel: DemoChannel;
  item: DemoRawItem;
}

/** When a day's growing story runs. */
export interface DemoStoryPlan {
  startMinute: number;
  /** How long it grows. */
  minutes: number;
  /** Posts in it, first post and official reply included. */
  size: number;
}

/** What a day holds. */
export interface DemoDayOptions {
  seed: number;
  /** Names the day (a calendar date, or a live cycle); the same key gives the same posts. */
  key: string;
  /** Everyday posts besides the story. */
  background: number;
  story: DemoStoryPlan | null;
  /** Posts after this minute are left out (today's posts stop at "now"). */
  untilMinute?: number;
}

const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4, 4, 3, 3, 4, 4, 4, 4, 3, 3, 3, 3, 2, 1.5];
const CHANNEL_WEIGHTS: readonly [DemoChannel, number][] = [
  ['weibo', 0.4],
  ['douyin', 0.2],
  ['news', 0.15],
  ['forum', 0.25],
];
const MEDIA = ['苏州日报', '扬子晚报', '江苏新闻', '现代快报', '无锡日报'];
const SELF_MEDIA = ['苏州生活圈', '南京吃喝玩乐', '锡城热线', '常州身边事'];
const NICKNAMES = ['小王', '阿姨', '老张', '同学', '宝妈', '打工人', '业主', '老师', '师傅', '路人'];

/** The demo day described by `options`, ordered by minute. */
export function generateDemoDay(options: DemoDayOptions): DemoPost[] {
  const random = demoRandom(options.seed, options.key);
  const posts: DemoPost[] = [];
  for (let index = 0; index < options.background; index += 1) {
    posts.push(everydayPost(random, options.key, index));
  }
  if (options.story) posts.push(...storyPosts(random, options.key, options.story));
  const until = options.untilMinute ?? 24 * 60;
  return posts.filter((post) => post.minute < until).sort((a, b) => a.minute - b.minute);
}

function weighted<T>(random: DemoRandom, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new RangeError('weighted pick from an empty list');
  return last[0];
}

function slotsOf(random: DemoRandom): Record<string, string> {
  const place = random.pick(DEMO_PLACES);
  const slots: Record<string, string> = {
    city: place.city,
    county: random.pick(place.counties),
    n: String(random.int(2, 30)),
    m: String(random.int(3, 80)),
  };
  for (const [name, values] of Object.entries(DEMO_SLOTS)) slots[name] = random.pick(values);
  return slots;
}

function fill(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => slots[name] ?? whole);
}

function fillText(text: DemoText, slots: Readonly<Record<string, string>>): DemoText {
  return { title: text.title === null ? null : fill(text.title, slots), content: fill(text.content, slots) };
}

function everydayPost(random: DemoRandom, key: string, index: number): DemoPost {
  const topic = random.pick(DEMO_TOPICS);
  const voice = weighted(random, [
    ['negative', topic.mix[0]],
    ['neutral', topic.mix[1]],
    ['positive', topic.mix[2]],
  ] as const);
  const text = fillText(random.pick(topic[voice]), slotsOf(random));
  const channel = voice === 'neutral' && random.chance(0.5) ? 'news' : weighted(random, CHANNEL_WEIGHTS);
  const hour = weighted(
    random,
    HOUR_WEIGHTS.map((weight, h) => [h, weight] as const),
  );
  return {
    minute: hour * 60 + random.next() * 60,
    channel,
    item: render(random, channel, `${key}-${index}`, text, topic, 1),
  };
}

function authorFor(random: DemoRandom, channel: DemoChannel): string {
  if (channel === 'news') return random.pick(MEDIA);
  if (random.chance(0.15)) return random.pick(SELF_MEDIA);
  return `${random.pick(['姑苏', '吴中', '金陵', '梁溪', '龙城', '江南'])}${random.pick(NICKNAMES)}${random.int(10, 999)}`;
}

function engagementOf(random: DemoRandom, boost: number): RawItem['engagement'] {
  return {
    likes: Math.round(random.int(0, 200) * boost),
    comments: Math.round(random.int(0, 60) * boost),
    reposts: Math.round(random.int(0, 40) * boost),
    views: Math.round(random.int(100, 20_000) * boost),
  };
}

/** The item as the channel shows it: Weibo and Douyin fold the headline into the text. */
function render(
  random: DemoRandom,
  channel: DemoChannel,
  externalId: string,
  text: DemoText,
  topic: Pick<DemoTopic, 'name'>,
  boost: number,
  author: string = authorFor(random, channel),
): DemoRawItem {
  const short = channel === 'weibo' || channel === 'douyin';
  const content = short
    ? channel === 'weibo'
      ? `${text.title ? `【${text.title}】` : ''}${text.content}`
      : `${text.title ?? ''} ${text.content} #${topic.name}`.trim()
    : text.content;
  return {
    kind: channel === 'news' ? 'article' : 'post',
    externalId,
    url: `https://demo.fengxiang.invalid/${channel}/${externalId}`,
    title: short ? null : text.title,
    content,
    author,
    platform: channel,
    engagement: engagementOf(random, boost),
    ...(short && { ipRegion: '江苏' }),
  };
}

function storyPosts(random: DemoRandom, key: string, plan: DemoStoryPlan): DemoPost[] {
  const story: DemoStory = random.pick(DEMO_STORIES);
  const slots = slotsOf(random);
  const first = fillText(story.first, slots);
  const topic = { name: story.key };
  const id = (n: number): string => `${key}-s${n}`;
  const at = (n: number): number =>
    plan.startMinute + plan.minutes * Math.sqrt(n / Math.max(1, plan.size - 1));
  const posts: DemoPost[] = [
    { minute: at(0), channel: 'forum', item: render(random, 'forum', id(0), first, topic, 2) },
    {
      minute: at(1),
      channel: 'weibo',
      item: render(random, 'weibo', id(1), first, topic, 5, random.pick(SELF_MEDIA)),
    },
  ];
  const original = posts[1]?.item;
  for (let n = 2; n < plan.size - 1; n += 1) {
    if (random.chance(0.35)) {
      const headline = fill(random.pick(story.copyHeadlines), slots);
      const copy = { title: null, content: `${headline}${first.content}` };
      const channel = random.chance(0.5) ? 'douyin' : 'weibo';
      posts.push({ minute: at(n), channel, item: render(random, channel, id(n), copy, topic, 2) });
      continue;
    }
    const comment = random.pick(story.comments);
    const repost: DemoRawItem = {
      ...render(random, 'weibo', id(n), { title: null, content: '' }, topic, 1),
      kind: 'repost',
      content: `${comment}//@${original?.author ?? '网友'}:${original?.content ?? first.content}`,
      parent: { externalId: id(1) },
    };
    posts.push({ minute: at(n), channel: 'weibo', item: repost });
  }
  const reply = fillText(story.reply, slots);
  const official = `${(slots.county ?? '').replace(/[区市县]$/u, '')}发布`;
  posts.push({
    minute: plan.startMinute + plan.minutes + 5,
    channel: 'weibo',
    item: render(random, 'weibo', id(plan.size - 1), reply, topic, 3, official),
  });
  return posts;
}
