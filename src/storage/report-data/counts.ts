/**
 * Small pure steps shared by the figures: numbers out of driver values (PostgreSQL sums may come as text
 * in other setups), named counts sorted most first, and names counted once per item out of JSON lists.
 */
import type { NamedCount } from '../../domain/report-data.js';
import { parseJsonText } from '../json-columns.js';

/** A count column as a number (null and missing count as 0). */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** Most first, then by name, so that equal counts always print in the same order. */
export function byCountThenName(a: NamedCount, b: NamedCount): number {
  return b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * Adds `items` items (one by default) that carry the same names to the tallies of each distinct name;
 * grouped rows pass how many items share the names.
 */
export function tallyNames(
  tallies: Map<string, NamedCount>,
  names: Iterable<string>,
  negative: boolean,
  items = 1,
): void {
  for (const name of new Set(names)) {
    const entry = tallies.get(name) ?? { name, count: 0, negative: 0 };
    entry.count += items;
    if (negative) entry.negative = (entry.negative ?? 0) + items;
    tallies.set(name, entry);
  }
}

/** The strings of a JSON list column (anything else in it is skipped). */
export function jsonStrings(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The names at `level` of a JSON `regions` column (`[{province, city, county}]`). */
export function regionNames(text: string, level: 'province' | 'city' | 'county'): string[] {
  const value = parseJsonText(text, 'items.regions');
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const name = (entry as Record<string, unknown>)[level];
    if (typeof name === 'string' && name.length > 0) names.push(name);
  }
  return names;
}

/** Sorted tallies. */
export function sortedTallies(tallies: Map<string, NamedCount>): NamedCount[] {
  return [...tallies.values()].sort(byCountThenName);
}
