/**
 * JSON kept in text columns (both engines store JSON as text so that they agree byte for byte). Reading
 * checks the shape, so a damaged row fails loudly instead of spreading a wrong type.
 */
import { AppError } from '../platform/errors.js';

/** Serialises a value for a JSON text column. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value);
}

/** Parses a JSON text column that must hold an object. */
export function parseJsonObject(text: string, column: string): Record<string, unknown> {
  const value = parseJsonText(text, column);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('INTERNAL', `column ${column} does not hold a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Parses a JSON text column of any shape; the caller checks the shape it expects. */
export function parseJsonText(text: string, column: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INTERNAL', `column ${column} does not hold valid JSON`);
  }
}
