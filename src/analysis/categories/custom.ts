/**
 * Office-defined categories: a key and an expression in the monitoring-scheme language. They are parsed
 * once here and matched by categorize() beside the built-in keys.
 */
import { AppError, isAppError } from '../../platform/errors.js';
import { parseExpression } from '../expression/parser.js';
import type { CustomCategory, Taxonomy } from './taxonomy.js';

/** A category as an office writes it. */
export interface CustomCategoryDefinition {
  key: string;
  expression: string;
}

const KEY_PATTERN = /^[\p{L}\p{N}_-]{1,64}$/u;

function checkKey(key: string, index: number, seen: Set<string>): void {
  if (!KEY_PATTERN.test(key)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `custom category ${index + 1}: key ${JSON.stringify(key)} must be 1–64 letters, digits, "_" or "-"`,
      { index, key },
    );
  }
  if (seen.has(key)) {
    throw new AppError('VALIDATION_FAILED', `custom category ${index + 1}: key "${key}" is defined twice`, {
      index,
      key,
    });
  }
  seen.add(key);
}

/**
 * Parses every definition. A bad key is VALIDATION_FAILED; a bad expression is EXPRESSION_SYNTAX whose
 * message names the category and the position in its expression.
 */
export function compileCustomCategories(definitions: readonly CustomCategoryDefinition[]): CustomCategory[] {
  const seen = new Set<string>();
  return definitions.map(({ key, expression }, index) => {
    checkKey(key, index, seen);
    try {
      return { key, expression, ast: parseExpression(expression) };
    } catch (error) {
      if (isAppError(error, 'EXPRESSION_SYNTAX')) {
        throw new AppError('EXPRESSION_SYNTAX', `custom category "${key}": ${error.message}`, {
          ...error.details,
          key,
        });
      }
      throw error;
    }
  });
}

/**
 * The taxonomy with office-defined categories added. A custom key that repeats a built-in key is
 * VALIDATION_FAILED (it would be ambiguous which definition tagged an item).
 */
export function withCustomCategories(taxonomy: Taxonomy, custom: readonly CustomCategory[]): Taxonomy {
  for (const category of custom) {
    if (taxonomy.keys.includes(category.key)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `custom category "${category.key}" has the same key as a built-in category`,
        { key: category.key },
      );
    }
  }
  return { ...taxonomy, custom: [...custom] };
}
