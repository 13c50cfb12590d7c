/** Loads the built-in taxonomy from models/categories/taxonomy.json (once, at start-up). */
import { readModelJson } from './model-file.js';
import { compileTaxonomy, parseTaxonomyFile, type Taxonomy } from './taxonomy.js';

/** Reads, validates and compiles the built-in taxonomy. Call once and pass the result down. */
export function loadBuiltInTaxonomy(): Taxonomy {
  return compileTaxonomy(parseTaxonomyFile(readModelJson('categories', 'taxonomy.json'), 'taxonomy.json'));
}
