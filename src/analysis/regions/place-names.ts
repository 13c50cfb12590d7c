/**
 * The places a text names, as plain names at their most specific level — the "facts" the near-duplicate
 * check compares so that one notice template about two different places is not taken for a copy.
 */
import { extractRegions } from './extract.js';
import type { Gazetteer } from './gazetteer.js';

/** The most specific official name of every place `text` names. */
export function placeNamesOf(text: string, gazetteer: Gazetteer): string[] {
  return extractRegions(text, gazetteer).flatMap((region) => {
    const name = region.county ?? region.city ?? region.province;
    return name === null ? [] : [name];
  });
}
