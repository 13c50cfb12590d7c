/**
 * Search fidelity: how closely full-text search over jieba tokens agrees with exact substring matching,
 * which is what a monitor expects when typing a word. Real headlines (THUCNews dev titles) are stored in a
 * temporary SQLite database; queries are sampled from them with a seeded generator; the truth of each query
 * is the set of titles whose normalised text contains it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExpression } from '../../src/analysis/expression/index.js';
import { normalizeText } from '../../src/analysis/normalize/text.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import { openStorage, type NewItem, type Storage } from '../../src/storage/index.js';

/** Agreement of search with substring truth for one kind of query. */
export interface FidelityResult {
  kind: string;
  queries: number;
  microRecall: number;
  microPrecision: number;
  fullRecallShare: number;
}

const CJK = /^[\u4e00-\u9fff]+$/;

/** A small deterministic PRNG (mulberry32) so the sampled queries are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleWordQueries(
  titles: string[],
  segmenter: Segmenter,
  random: () => number,
  count: number,
): string[] {
  const picked = new Set<string>();
  for (let guard = 0; picked.size < count && guard < count * 50; guard++) {
    const title = titles[Math.floor(random() * titles.length)] ?? '';
    const words = segmenter.tokens(normalizeText(title)).filter((w) => w.length >= 2 && CJK.test(w));
    const word = words[Math.floor(random() * words.length)];
    if (word) picked.add(word);
  }
  return [...picked];
}

function sampleSubstringQueries(titles: string[], random: () => number, count: number): string[] {
  const picked = new Set<string>();
  for (let guard = 0; picked.size < count && guard < count * 50; guard++) {
    const title = normalizeText(titles[Math.floor(random() * titles.length)] ?? '');
    const length = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, title.length - length));
    const piece = title.slice(start, start + length);
    if (piece.length === length && CJK.test(piece)) picked.add(piece);
  }
  return [...picked];
}

async function searchAll(storage: Storage, segmenter: Segmenter, query: string): Promise<Set<string>> {
  const match = segmenter.toSearchTree(parseExpression(`"${query}"`));
  const found = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await storage.items.search({
      scope: { unitIds: null },
      match,
      filters: {},
      sort: 'time',
      page: { limit: 200, cursor },
    });
    for (const item of page.items) found.add(item.id);
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

async function measure(
  kind: string,
  queries: string[],
  corpus: Array<{ id: string; text: string }>,
  storage: Storage,
  segmenter: Segmenter,
): Promise<FidelityResult> {
  let truthTotal = 0;
  let foundTotal = 0;
  let agreed = 0;
  let full = 0;
  for (const query of queries) {
    const truth = new Set(corpus.filter((row) => row.text.includes(query)).map((row) => row.id));
    const found = await searchAll(storage, segmenter, query);
    const hits = [...found].filter((id) => truth.has(id)).length;
    truthTotal += truth.size;
    foundTotal += found.size;
    agreed += hits;
    if (hits === truth.size) full += 1;
  }
  return {
    kind,
    queries: queries.length,
    microRecall: agreed / Math.max(1, truthTotal),
    microPrecision: agreed / Math.max(1, foundTotal),
    fullRecallShare: full / Math.max(1, queries.length),
  };
}

/** Runs the evaluation on `file` (JSONL with a `text` field) and returns one result per query kind. */
export async function evaluateSearchFidelity(file: string, queriesPerKind = 300): Promise<FidelityResult[]> {
  const titles = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => String((JSON.parse(line) as { text: unknown }).text));
  const dir = mkdtempSync(join(tmpdir(), 'fx-eval-'));
  const storage = await openStorage(`sqlite:${join(dir, 'eval.sqlite')}`);
  const segmenter = new Segmenter();
  try {
    const unit = await storage.units.create({ name: 'eval', parentId: null });
    const now = Date.now();
    const items: NewItem[] = titles.map((title, index) => ({
      unitId: unit.id,
      kind: 'article',
      content: title,
      normalizedText: normalizeText(title),
      tokens: segmenter.tokensForIndex(normalizeText(title)),
      contentHash: sha256Hex(title),
      publishedAt: now - index * 1000,
      collectedAt: now,
    }));
    const ids = await storage.items.insertMany(items);
    const corpus = ids.map((id, index) => ({ id, text: items[index]?.normalizedText ?? '' }));
    const random = seeded(20241124);
    return [
      await measure(
        'dictionary words',
        sampleWordQueries(titles, segmenter, random, queriesPerKind),
        corpus,
        storage,
        segmenter,
      ),
      await measure(
        'arbitrary 2–4 character substrings',
        sampleSubstringQueries(titles, random, queriesPerKind),
        corpus,
        storage,
        segmenter,
      ),
    ];
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
