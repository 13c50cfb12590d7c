/**
 * The category taxonomy: its file form (models/categories/taxonomy.json, validated with zod) and its
 * compiled form, one phrase scanner over every term of every key plus a table of whole-token terms.
 * A term written with a leading `=` matches only a whole jieba token (for short or ambiguous words);
 * every other term matches as a substring of the normalised text.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { normalizeText } from '../normalize/text.js';
import type { ExpressionNode } from '../expression/ast.js';
import { compilePhraseScanner, type PhraseScanner } from './phrase-scanner.js';

const termList = z.array(z.string().min(1)).default([]);

/** One key of the taxonomy file: its labels and its weighted term lists. */
const categoryRuleFile = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
  strong: termList,
  weak: termList,
  exclude: termList,
  threshold: z.number().positive().optional(),
});

/** The taxonomy file: a version, the default weights and threshold, and the rules by key. */
export const taxonomyFileSchema = z.object({
  version: z.number().int().positive(),
  weights: z.object({ strong: z.number(), weak: z.number(), exclude: z.number() }),
  threshold: z.number().positive(),
  categories: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), categoryRuleFile),
});

/** The taxonomy file as parsed. */
export type TaxonomyFile = z.infer<typeof taxonomyFileSchema>;

/** How a term counts toward a key. */
export type TermKind = 'strong' | 'weak' | 'exclude';

/** One (key, kind) pair a term belongs to; a term may serve several keys. */
export interface TermUse {
  readonly category: number;
  readonly weight: number;
  readonly kind: TermKind;
}

/** A category an office defined by expression (see compileCustomCategories). */
export interface CustomCategory {
  readonly key: string;
  readonly expression: string;
  readonly ast: ExpressionNode;
}

/** The compiled taxonomy that categorize() takes. */
export interface Taxonomy {
  readonly version: number;
  readonly keys: readonly string[];
  readonly thresholds: readonly number[];
  readonly scanner: PhraseScanner;
  /** For each phrase id of the scanner: the keys it counts toward. */
  readonly phraseUses: readonly (readonly TermUse[])[];
  /** Whole-token terms: token → index into tokenUses. */
  readonly tokenTerms: ReadonlyMap<string, number>;
  /** For each whole-token term: the keys it counts toward. */
  readonly tokenUses: readonly (readonly TermUse[])[];
  readonly custom: readonly CustomCategory[];
}

class TermTable {
  readonly ids = new Map<string, number>();
  readonly uses: TermUse[][] = [];

  add(term: string, use: TermUse): void {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.uses.length;
      this.ids.set(term, id);
      this.uses.push([]);
    }
    this.uses[id]?.push(use);
  }
}

/** Validates a parsed taxonomy file; a bad file is a CONFIG_INVALID error naming the first problem. */
export function parseTaxonomyFile(value: unknown, where: string): TaxonomyFile {
  const result = taxonomyFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue ? issue.path.join('.') : '';
    throw new AppError('CONFIG_INVALID', `taxonomy ${where}: ${path} ${issue?.message ?? 'is invalid'}`);
  }
  return result.data;
}

/** Compiles a validated taxonomy file into the scanner and tables categorize() uses. */
export function compileTaxonomy(file: TaxonomyFile): Taxonomy {
  const phrases = new TermTable();
  const tokens = new TermTable();
  const keys = Object.keys(file.categories);
  const thresholds: number[] = [];
  keys.forEach((key, category) => {
    const rule = file.categories[key];
    if (rule === undefined) return;
    thresholds.push(rule.threshold ?? file.threshold);
    for (const kind of ['strong', 'weak', 'exclude'] as const) {
      const use: TermUse = { category, weight: file.weights[kind], kind };
      for (const raw of rule[kind]) {
        const tokenOnly = raw.startsWith('=');
        const term = normalizeText(tokenOnly ? raw.slice(1) : raw);
        if (term !== '') (tokenOnly ? tokens : phrases).add(term, use);
      }
    }
  });
  return {
    version: file.version,
    keys,
    thresholds,
    scanner: compilePhraseScanner([...phrases.ids.keys()]),
    phraseUses: phrases.uses,
    tokenTerms: tokens.ids,
    tokenUses: tokens.uses,
    custom: [],
  };
}
