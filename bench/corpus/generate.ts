/**
 * The corpus generator: a deterministic stream of `NewItem`s (posts, comments, articles, appeals) spread
 * over 90 days, with analysis fields filled and search tokens cut by the project's segmenter. Units and
 * sources are named by corpus keys (`unit:0`, `source:s-weibo`); {@link ./references.ts} maps them to the
 * ids of a real database before insertion.
 */
import type { ItemKind } from '../../src/domain/index.js';
import { normalizeText } from '../../src/analysis/normalize/text.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { SeededRandom, ZipfPicker } from './random.js';
import { TextBuilder, type ItemText } from './text.js';
import { TopicPicker, type Topic } from './topic.js';
import { SOURCES, UNITS } from './words/vocabulary.js';

/** Turns text into the space-joined tokens the index stores (the project's Segmenter.tokensForIndex). */
export type IndexTokenizer = (text: string) => string;

/** What to generate. */
export interface CorpusSpec {
  seed: number;
  size: number;
}

/** The corpus covers the 90 days before this instant (2025-07-01 00:00 Asia/Shanghai), whatever today is. */
export const CORPUS_END = Date.UTC(2025, 5, 30, 16, 0, 0);
/** Days the corpus spans. */
export const CORPUS_DAYS = 90;
/** The first instant of the corpus. */
export const CORPUS_START = CORPUS_END - CORPUS_DAYS * 86_400_000;

const KIND_WEIGHTS: readonly [ItemKind, number][] = [
  ['comment', 0.4],
  ['post', 0.4],
  ['article', 0.15],
  ['message', 0.05],
];

interface Original {
  id: string;
  sourceKey: string;
  unitKey: string;
  publishedAt: number;
}

/** The corpus key of unit number `index`. */
export function unitKey(index: number): string {
  return `unit:${index}`;
}

/** The corpus key of a source. */
export function sourceKey(key: string): string {
  return `source:${key}`;
}

/** Generates the corpus item by item; the same spec always yields the same items. */
export function* generateCorpus(spec: CorpusSpec, tokenize: IndexTokenizer): Generator<NewItem> {
  const random = new SeededRandom(spec.seed);
  const topics = new TopicPicker(random, CORPUS_START, CORPUS_DAYS);
  const texts = new TextBuilder(random);
  const units = new ZipfPicker(
    UNITS.map((_, i) => unitKey(i)),
    1.0,
  );
  const recentOriginals: Original[] = [];
  const span = CORPUS_END - CORPUS_START;
  for (let i = 0; i < spec.size; i++) {
    const jitter = random.int(-3_600_000, 3_600_000);
    const at = Math.min(
      CORPUS_END - 1,
      Math.max(CORPUS_START, CORPUS_START + ((i + 0.5) / spec.size) * span + jitter),
    );
    const kind = pickKind(random, recentOriginals.length > 0);
    const parent = kind === 'comment' ? pickParent(random, recentOriginals) : null;
    const publishedAt = Math.round(parent ? Math.max(at, parent.publishedAt + 60_000) : at);
    const topic = topics.pick(publishedAt);
    const source = parent ? parent.sourceKey : sourceKey(pickSourceFor(kind, random));
    const item = buildItem({ random, kind, topic, text: textOf(texts, kind, topic), publishedAt, tokenize });
    item.unitId = parent ? parent.unitKey : units.pick(random);
    item.sourceId = source;
    item.platform = SOURCES.find((s) => sourceKey(s.key) === source)?.platform ?? null;
    item.parentId = parent?.id ?? null;
    if (kind !== 'comment')
      remember(recentOriginals, { id: item.id ?? '', sourceKey: source, unitKey: item.unitId, publishedAt });
    yield item;
  }
}

function pickKind(random: SeededRandom, hasOriginals: boolean): ItemKind {
  let roll = random.next();
  for (const [kind, weight] of KIND_WEIGHTS) {
    if (roll < weight && (kind !== 'comment' || hasOriginals)) return kind;
    roll -= weight;
  }
  return 'post';
}

function pickSourceFor(kind: ItemKind, random: SeededRandom): string {
  const matching = SOURCES.filter((s) => s.itemKind === kind);
  return random.pick(matching.length > 0 ? matching : SOURCES).key;
}

/** Recent originals are more likely to be commented on: pick with a bias toward the newest. */
function pickParent(random: SeededRandom, originals: readonly Original[]): Original {
  const back = Math.floor(Math.pow(random.next(), 3) * originals.length);
  return originals[originals.length - 1 - back] as Original;
}

function remember(originals: Original[], original: Original): void {
  originals.push(original);
  if (originals.length > 2000) originals.splice(0, 500);
}

function textOf(texts: TextBuilder, kind: ItemKind, topic: Topic): ItemText {
  if (kind === 'article') return texts.article(topic);
  if (kind === 'message') return texts.message(topic);
  if (kind === 'comment') return texts.comment(topic);
  return texts.post(topic);
}

interface ItemParts {
  random: SeededRandom;
  kind: ItemKind;
  topic: Topic;
  text: ItemText;
  publishedAt: number;
  tokenize: IndexTokenizer;
}

function buildItem({ random, kind, topic, text, publishedAt, tokenize }: ItemParts): NewItem {
  const collectedAt = publishedAt + random.int(5_000, 1_800_000);
  const id = collectedAt.toString(16).padStart(12, '0') + random.hex(16);
  const indexed = text.title ? `${text.title}\n${text.content}` : text.content;
  const { place } = topic;
  return {
    id,
    unitId: '',
    kind,
    platform: null,
    url: `https://example.com/${kind}/${id}`,
    canonicalUrl: `https://example.com/${kind}/${id}`,
    title: text.title,
    content: text.content,
    normalizedText: normalizeText(indexed),
    tokens: tokenize(indexed),
    author: kind === 'article' ? `记者${random.hex(3)}` : `用户${random.hex(6)}`,
    sourceRegion: null,
    ipRegion: kind === 'article' ? null : place.province,
    contentHash: sha256Hex(text.content),
    engagement: engagementFor(random, kind),
    publishedAt,
    collectedAt,
    language: 'zh',
    sentiment: topic.sentiment,
    sentimentScore: sentimentScore(random, topic),
    categories: topic.event.categories,
    regions: [{ province: place.province, city: place.city, county: place.county }],
    appeal: topic.appeal || kind === 'message',
    keywords: [topic.event.word, topic.subject, place.cityShort],
    simhash: random.hex(16),
  };
}

function sentimentScore(random: SeededRandom, topic: Topic): number {
  const strength = 0.3 + random.next() * 0.7;
  if (topic.sentiment === 'negative') return -strength;
  if (topic.sentiment === 'positive') return strength;
  return (random.next() - 0.5) * 0.4;
}

/** Heavy-tailed engagement: most items get a handful of likes, a few get thousands. */
function engagementFor(random: SeededRandom, kind: ItemKind): NewItem['engagement'] {
  const scale = kind === 'article' ? 9 : kind === 'comment' ? 4 : 7;
  const heavy = (): number => Math.floor(Math.exp(random.next() * random.next() * scale));
  return { likes: heavy(), comments: heavy(), reposts: heavy(), views: heavy() * 20 };
}
