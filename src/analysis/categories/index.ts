/** Topic categories: the built-in multi-label taxonomy and office-defined categories by expression. */
export {
  categorize,
  categorizeFound,
  categorizeNormalized,
  explainCategories,
  type CategoryHit,
  type CategoryScore,
} from './categorize.js';
export { compileCustomCategories, withCustomCategories, type CustomCategoryDefinition } from './custom.js';
export { loadBuiltInTaxonomy } from './load.js';
export { readModelJson } from './model-file.js';
export { compilePhraseScanner, phraseIds, scanPhrases, type PhraseScanner } from './phrase-scanner.js';
export {
  compileTaxonomy,
  parseTaxonomyFile,
  taxonomyFileSchema,
  type CustomCategory,
  type Taxonomy,
  type TaxonomyFile,
  type TermKind,
} from './taxonomy.js';
