/**
 * extractRegions: the places (属地) a text names, as official province / city / county names, each place
 * once at its most specific level, in order of first mention. One Aho–Corasick pass finds the names
 * ({@link findMentions}); context decides between places that share a name ({@link resolveMentions}).
 * Pass normalised text (NFKC, simplified characters); traditional spellings are not in the gazetteer.
 */
import type { RegionRef } from '../../domain/index.js';
import type { Gazetteer } from './gazetteer.js';
import { findMentions, mentionsOf, type Mention } from './mentions.js';
import { mostSpecific, resolveMentions } from './resolve.js';

/** The regions `text` names, most specific level first per place, in text order. */
export function extractRegions(text: string, gazetteer: Gazetteer): RegionRef[] {
  return regionsOfMentions(findMentions(text, gazetteer), gazetteer);
}

/**
 * {@link extractRegions} from the alias matches in `text` found already (pairs of alias index and
 * start, every occurrence, in any order; see mentionsOf).
 */
export function extractRegionsFromMatches(
  text: string,
  matches: readonly number[],
  gazetteer: Gazetteer,
): RegionRef[] {
  return regionsOfMentions(mentionsOf(text, matches, gazetteer), gazetteer);
}

function regionsOfMentions(mentions: readonly Mention[], gazetteer: Gazetteer): RegionRef[] {
  if (mentions.length === 0) return [];
  const places = mostSpecific(resolveMentions(mentions, gazetteer), gazetteer);
  const refs: RegionRef[] = [];
  for (const place of places) {
    const ref = gazetteer.refs[place];
    if (ref !== undefined) refs.push(ref);
  }
  return refs;
}
