/**
 * The benchmark corpus generator: deterministic for a seed, and every item a valid `NewItem` of the shape
 * storage accepts (lengths by kind, hashes, tokens from the project's segmenter, analysis fields filled).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus, readCorpus, readTermStats } from '../../bench/corpus/cache.js';
import {
  CORPUS_END,
  CORPUS_START,
  generateCorpus,
  type IndexTokenizer,
} from '../../bench/corpus/generate.js';
import { resolveItem, syntheticReferences } from '../../bench/corpus/references.js';
import { loadIndexTokenizer } from '../../bench/corpus/tokenizer.js';
import { isProvinceFullName } from '../../bench/corpus/words/places.js';
import { ITEM_KINDS, SENTIMENTS } from '../../src/domain/index.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import type { NewItem } from '../../src/storage/repositories.js';

const CATEGORY_KEYS = new Set([
  'corruption',
  'wealth_gap',
  'finance',
  'public_safety',
  'environment',
  'food_drug',
  'education',
  'healthcare',
  'housing',
  'labor',
  'traffic',
  'law_enforcement',
  'disaster',
  'gov_service',
  'consumer',
]);
const LENGTHS: Record<string, [number, number]> = {
  post: [20, 140],
  comment: [5, 60],
  article: [300, 2000],
  message: [60, 400],
};

let tokenize: IndexTokenizer;
let items: NewItem[];

beforeAll(async () => {
  tokenize = await loadIndexTokenizer();
  items = [...generateCorpus({ seed: 7, size: 400 }, tokenize)];
});

describe('generateCorpus', () => {
  it('yields the same items for the same seed and different ones for another seed', () => {
    const again = [...generateCorpus({ seed: 7, size: 400 }, tokenize)];
    expect(again).toEqual(items);
    const other = [...generateCorpus({ seed: 8, size: 400 }, tokenize)];
    expect(other.map((i) => i.content)).not.toEqual(items.map((i) => i.content));
  });

  it('produces every kind with the length range of its kind', () => {
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['post', 'comment', 'article', 'message']));
    for (const item of items) {
      expect(ITEM_KINDS).toContain(item.kind);
      const [min, max] = LENGTHS[item.kind] ?? [0, 0];
      expect(item.content.length, `${item.kind}: ${item.content}`).toBeGreaterThanOrEqual(min);
      expect(item.content.length, `${item.kind}: ${item.content}`).toBeLessThanOrEqual(max);
    }
  });

  it('fills the NewItem fields storage needs, with hashes, tokens and analysis', () => {
    for (const item of items) {
      expect(item.id).toMatch(/^[0-9a-f]{28}$/);
      expect(item.unitId).toMatch(/^unit:\d$/);
      expect(item.sourceId).toMatch(/^source:s-/);
      expect(item.contentHash).toBe(sha256Hex(item.content));
      expect(item.tokens?.length).toBeGreaterThan(0);
      expect(item.tokens).not.toMatch(/ {2}|^ | $/);
      expect(item.publishedAt).toBeGreaterThanOrEqual(CORPUS_START);
      expect(item.publishedAt).toBeLessThan(CORPUS_END + 86_400_000);
      expect(item.collectedAt).toBeGreaterThan(item.publishedAt);
      expect(SENTIMENTS).toContain(item.sentiment);
      expect(item.language).toBe('zh');
      for (const category of item.categories ?? []) expect(CATEGORY_KEYS.has(category)).toBe(true);
      expect(item.regions?.length).toBe(1);
      expect(isProvinceFullName(item.regions?.[0]?.province ?? '')).toBe(true);
    }
  });

  it('gives comments a parent published earlier in the corpus', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    const comments = items.filter((i) => i.kind === 'comment');
    expect(comments.length).toBeGreaterThan(50);
    for (const comment of comments) {
      const parent = byId.get(comment.parentId ?? '');
      expect(parent?.kind).not.toBe('comment');
      expect(comment.publishedAt).toBeGreaterThan(parent?.publishedAt ?? Infinity);
    }
    expect(items.filter((i) => i.kind !== 'comment').every((i) => i.parentId === null)).toBe(true);
  });

  it('indexes words of the text, so a topical word is findable by its token', () => {
    const withFire = items.filter((i) => i.content.includes('拆迁'));
    expect(withFire.length).toBeGreaterThan(0);
    for (const item of withFire) expect(item.tokens?.split(' ')).toContain('拆迁');
  });
});

describe('corpus cache', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fx-corpus-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the corpus once and reads back the generated items and term frequencies', async () => {
    const files = await ensureCorpus(dir, { seed: 7, size: 400 }, async () => tokenize);
    const read: NewItem[] = [];
    for await (const batch of readCorpus(files.items, 150)) read.push(...batch);
    expect(read).toEqual(items);
    const stats = readTermStats(files);
    expect(stats.size).toBe(400);
    const demolition = items.filter((i) => i.tokens?.split(' ').includes('拆迁')).length;
    expect(stats.documentFrequency['拆迁']).toBe(demolition);
    const again = await ensureCorpus(dir, { seed: 7, size: 400 }, () =>
      Promise.reject(new Error('regenerated')),
    );
    expect(again).toEqual(files);
  });

  it('maps corpus unit and source keys to database ids', () => {
    const references = syntheticReferences();
    const resolved = resolveItem(items[0] as NewItem, references);
    expect(resolved.unitId).toBe(references.get(items[0]?.unitId ?? ''));
    expect(resolved.sourceId).toBe(references.get(items[0]?.sourceId ?? ''));
    expect(() => resolveItem({ ...(items[0] as NewItem), unitId: 'unit:99' }, references)).toThrow(/unit:99/);
  });
});
