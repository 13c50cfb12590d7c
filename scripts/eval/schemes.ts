/**
 * Evaluation of the scheme matcher and the repost parser on real Weibo reposts (CED rumour set in
 * `../shared/data/rumor-weibo-ced`): 300 seeded random schemes over words drawn from the texts themselves,
 * matched by the compiled multi-scheme matcher and by the single-expression matcher; the two must agree
 * on every item and scheme. Also counts how often the repost parser finds chains, replies and emoticons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchExpression, parseExpression } from '../../src/analysis/expression/index.js';
import { emoticons } from '../../src/analysis/normalize/emoticons.js';
import { parseRepostChain } from '../../src/analysis/normalize/repost.js';
import { compileSchemes } from '../../src/analysis/schemes/index.js';

/** What the evaluation found. */
export interface SchemesEvalResult {
  items: number;
  schemes: number;
  pairs: number;
  matchedPairs: number;
  disagreements: number;
  withChain: number;
  withReply: number;
  withEmoticons: number;
}

const SCHEMES = 300;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function readTexts(dataDir: string): string[] {
  const file = join(dataDir, 'rumor-weibo-ced', 'reposts_sample_20events.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text?: unknown }).text)
    .filter((text): text is string => typeof text === 'string');
}

function randomExpression(random: () => number, texts: readonly string[]): string {
  const word = (): string => {
    const text = texts[Math.floor(random() * texts.length)] ?? '';
    const han = text.match(/\p{Script=Han}{2}/gu) ?? ['舆情'];
    return han[Math.floor(random() * han.length)] ?? '舆情';
  };
  const group = (): string => `(${word()}|${word()}|${word()})`;
  const roll = random();
  if (roll < 0.3) return `${group()}+${group()}-${word()}`;
  if (roll < 0.5) return `NEAR/${Math.floor(random() * 20)}(${word()}, ${word()})|${word()}`;
  return `${group()}+${word()}|${word()}-(${word()}|${word()})`;
}

/** Runs the evaluation on `dataDir` (the shared data folder). */
export function evaluateSchemes(dataDir: string): SchemesEvalResult {
  const texts = readTexts(dataDir);
  const random = seeded(20250701);
  const expressions = Array.from({ length: SCHEMES }, () => randomExpression(random, texts));
  const asts = expressions.map((expression) => parseExpression(expression));
  const matcher = compileSchemes(
    expressions.map((expression, index) => ({ id: String(index), expression, target: 'content' })),
  );
  const result: SchemesEvalResult = {
    items: texts.length,
    schemes: SCHEMES,
    pairs: 0,
    matchedPairs: 0,
    disagreements: 0,
    withChain: 0,
    withReply: 0,
    withEmoticons: 0,
  };
  for (const text of texts) {
    const compiled = new Map(matcher.match({ content: text }).map((m) => [m.schemeId, m.hits]));
    asts.forEach((ast, index) => {
      const single = matchExpression(ast, text);
      const hits = compiled.get(String(index));
      const same =
        single.matched === (hits !== undefined) &&
        JSON.stringify(single.hits) ===
          JSON.stringify((hits ?? []).map((h) => ({ term: h.word, start: h.start, end: h.end })));
      result.pairs++;
      if (single.matched) result.matchedPairs++;
      if (!same) result.disagreements++;
    });
    const chain = parseRepostChain(text);
    if (chain.chain.length > 0) result.withChain++;
    if (chain.replyTo !== null) result.withReply++;
    if (emoticons(text).length > 0) result.withEmoticons++;
  }
  return result;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Markdown lines for docs/quality.md. */
export function renderSchemes(result: SchemesEvalResult): string[] {
  return [
    '## Scheme matching and repost parsing',
    '',
    `Data: rumor-weibo-ced reposts (${result.items.toLocaleString('en')} real Weibo texts); ${result.schemes} seeded random schemes over words drawn from the texts.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| item × scheme pairs compared | ${result.pairs.toLocaleString('en')} |`,
    `| pairs that matched | ${result.matchedPairs.toLocaleString('en')} |`,
    `| disagreements, compiled matcher vs single-expression matcher (matched and hits) | ${result.disagreements} |`,
    `| texts with a repost chain (\`//@\`) | ${percent(result.withChain, result.items)} |`,
    `| texts that are replies (\`回复@\`) | ${percent(result.withReply, result.items)} |`,
    `| texts with emoticons or emoji | ${percent(result.withEmoticons, result.items)} |`,
    '',
  ];
}
