/**
 * Step 2 of region extraction: each name becomes zero, one or (for 京津冀) several places.
 *
 * Rules, in order:
 * 1. The context is every place named certainly elsewhere in the text (a strong name with one candidate,
 *    or a group name such as 京津冀), with all places above it.
 * 2. A name whose candidates include places in the context, or places below a context place, takes the
 *    candidates closest below the context (北京朝阳 → 北京市朝阳区; 吉林长春 → 吉林省; 南京市鼓楼区 →
 *    南京's 鼓楼区, not 徐州's, though both are in 江苏). A weak name (a common word or person's name such
 *    as 江山, 朝阳, 江城) needs its own parent in the context (衢州江山 → 衢州市江山市).
 * 3. Without support from context a weak name is dropped; a strong name takes its candidate of the highest
 *    level when that one is unique (吉林 → 吉林省, 大理 → 大理白族自治州); otherwise it is dropped, because
 *    a guess between 北京 and 长春 for 朝阳区 is worse than no answer.
 */
import type { Gazetteer } from './gazetteer.js';
import type { Mention } from './mentions.js';
import { ALIAS_FLAGS } from './model.js';

function isCertain(flags: number, places: readonly number[]): boolean {
  if ((flags & ALIAS_FLAGS.ALL) !== 0) return true;
  return (flags & ALIAS_FLAGS.WEAK) === 0 && places.length === 1;
}

function contextOf(mentions: readonly Mention[], gazetteer: Gazetteer): Set<number> {
  const context = new Set<number>();
  for (const mention of mentions) {
    const places = gazetteer.aliasPlaces[mention.alias] ?? [];
    if (!isCertain(gazetteer.aliasFlags[mention.alias] ?? 0, places)) continue;
    for (const place of places) {
      for (let at = place; at >= 0; at = gazetteer.parent[at] ?? -1) context.add(at);
    }
  }
  return context;
}

/** Steps from `place` up to the nearest context place (0: itself), or -1 when none is above it. */
function supportDistance(place: number, context: Set<number>, parent: Int32Array): number {
  let steps = 0;
  for (let at = place; at >= 0; at = parent[at] ?? -1) {
    if (context.has(at)) return steps;
    steps += 1;
  }
  return -1;
}

/** The candidates closest below a context place (a weak name: at most one step below), or none. */
function supported(
  places: readonly number[],
  weak: boolean,
  context: Set<number>,
  parent: Int32Array,
): number[] {
  let best = weak ? 1 : Number.MAX_SAFE_INTEGER;
  let found: number[] = [];
  for (const place of places) {
    const distance = supportDistance(place, context, parent);
    if (distance < 0 || distance > best) continue;
    if (distance < best) found = [];
    best = distance;
    found.push(place);
  }
  return found;
}

/** The candidate of the highest level when it is the only one there, else -1. */
function highest(candidates: readonly number[], gazetteer: Gazetteer): number {
  let best = -1;
  let bestLevel = 3;
  let tied = false;
  for (const place of candidates) {
    const level = gazetteer.level[place] ?? 3;
    if (level < bestLevel) {
      best = place;
      bestLevel = level;
      tied = false;
    } else if (level === bestLevel) {
      tied = true;
    }
  }
  return tied ? -1 : best;
}

/** Adds `place` to `picked` unless it is -1 (none) or there already. */
function addPlace(picked: number[], place: number): void {
  if (place >= 0 && !picked.includes(place)) picked.push(place);
}

/** The places the mentions name, in text order, each once. */
export function resolveMentions(mentions: readonly Mention[], gazetteer: Gazetteer): number[] {
  const context = contextOf(mentions, gazetteer);
  const picked: number[] = [];
  for (const mention of mentions) {
    const places = gazetteer.aliasPlaces[mention.alias] ?? [];
    const flags = gazetteer.aliasFlags[mention.alias] ?? 0;
    if ((flags & ALIAS_FLAGS.ALL) !== 0) {
      for (const place of places) addPlace(picked, place);
      continue;
    }
    const weak = (flags & ALIAS_FLAGS.WEAK) !== 0;
    const near = supported(places, weak, context, gazetteer.parent);
    if (near.length > 0) addPlace(picked, highest(near, gazetteer));
    else if (!weak) addPlace(picked, highest(places, gazetteer));
  }
  return picked;
}

/** Drops every place that lies above another picked place, so each place appears at its most specific level. */
export function mostSpecific(picked: readonly number[], gazetteer: Gazetteer): number[] {
  const above = new Set<number>();
  for (const place of picked) {
    for (let at = gazetteer.parent[place] ?? -1; at >= 0; at = gazetteer.parent[at] ?? -1) above.add(at);
  }
  return picked.filter((place) => !above.has(place));
}
