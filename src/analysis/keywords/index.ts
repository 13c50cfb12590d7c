/** TF-IDF keywords (DESIGN.md §5) with the shipped domain IDF table. */
export { DEFAULT_KEYWORD_COUNT, extractKeywords, isKeywordCandidate } from './extract.js';
export { loadIdfModel } from './load.js';
export { idfModelFrom, type IdfFile, type IdfModel } from './model.js';
