/**
 * extractRegions: the places (属地) a text names, as official province / city / county names, each place
 * once at its most specific level, in order of first mention. One Aho–Corasick pass finds the names
 * ({@link findMentions}); context decides between places that share a name ({@link resolveMentions}).
 * Pass normalised text (NFKC, simplified characters); traditional spellings are not in the gazetteer.
 */
import type { RegionRef } from '../../domain/index.js';
import type { Gazetteer } from './gazetteer.js';
import { findMentions } from './mentions.js';
import { mostSpecific, resolveMentions } from './resolve.js';

/** The regions `text` names, most specific level first per place, in text order. */
export function extractRegions(text: string, gazetteer: Gazetteer): RegionRef[] {
  const mentions = findMentions(text, gazetteer);
  if (mentions.length === 0) return [];
  const places = mostSpecific(resolveMentions(mentions, gazetteer), gazetteer);
  const refs: RegionRef[] = [];
  for (const place of places) {
    const ref = gazetteer.refs[place];
    if (ref !== undefined) refs.push(ref);
  }
  return refs;
}
