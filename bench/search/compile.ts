/**
 * From search-box text to the tree storage runs, as the application does it: parse the scheme expression,
 * then cut each term with the segmenter (`Segmenter.toSearchTree`).
 */
import { parseExpression } from '../../src/analysis/expression/parser.js';
import type { SearchNode } from '../../src/analysis/expression/search-tree.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';

/** Builds the segmenter once and returns the expression compiler. */
export async function createQueryCompiler(): Promise<(expression: string) => SearchNode> {
  const segmenter = new Segmenter();
  return (expression) => segmenter.toSearchTree(parseExpression(expression));
}
