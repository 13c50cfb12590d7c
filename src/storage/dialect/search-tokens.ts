/**
 * The check both search compilers make before quoting: a term must keep at least one token with a letter
 * or digit, whatever produced the tree, so that no input can yield an empty or malformed engine query.
 */
import type { SearchTerm } from '../../analysis/expression/search-tree.js';
import { AppError } from '../../platform/errors.js';

/** The tokens of `term` that hold a letter or digit; EXPRESSION_SYNTAX when none does. */
export function searchableTokens(term: SearchTerm): string[] {
  const tokens = term.tokens.filter((token) => /[\p{L}\p{N}]/u.test(token));
  if (tokens.length === 0) {
    throw new AppError('EXPRESSION_SYNTAX', 'a search term has no letters or digits', {
      found: term.tokens.join(' '),
    });
  }
  return tokens;
}
