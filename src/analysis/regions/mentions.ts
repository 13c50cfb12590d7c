/**
 * Step 1 of region extraction: from all name matches in a text keep a set that does not overlap, longest
 * first, so that 江苏省苏州市 reads as two names and not as 江苏 + 苏州; look-alikes (中山装) win their
 * span and are then dropped; a short name that starts a street name (南京路, 中山北路) is dropped.
 */
import { scanAutomaton } from './automaton.js';
import type { Gazetteer } from './gazetteer.js';
import { ALIAS_FLAGS } from './model.js';

/** One accepted name in the text. */
export interface Mention {
  /** Pattern index of the alias. */
  alias: number;
  start: number;
  end: number;
}

const STREET_WORDS = ['路', '街', '大道', '大街', '巷', '胡同', '里弄'];
const STREET_DIRECTIONS = '东西南北中';

function rank(flags: number): number {
  if ((flags & ALIAS_FLAGS.BLOCK) !== 0) return 0;
  return (flags & ALIAS_FLAGS.COMPOUND) !== 0 ? 2 : 1;
}

function isStreet(text: string, end: number): boolean {
  const at = STREET_DIRECTIONS.includes(text.charAt(end)) ? end + 1 : end;
  for (const word of STREET_WORDS) {
    if (text.startsWith(word, at)) return true;
  }
  return false;
}

function overlaps(chosen: readonly Mention[], start: number, end: number): boolean {
  for (const mention of chosen) {
    if (start < mention.end && mention.start < end) return true;
  }
  return false;
}

/** The non-overlapping place names of `text`, in text order, look-alikes and street names removed. */
export function findMentions(text: string, gazetteer: Gazetteer): Mention[] {
  const raw: number[] = [];
  scanAutomaton(gazetteer.automaton, text, raw);
  return mentionsOf(text, raw, gazetteer);
}

/**
 * {@link findMentions} from the alias matches in `text` found already (pairs of alias index and start,
 * every occurrence, in any order), for callers that scan for place names together with other words.
 */
export function mentionsOf(text: string, raw: readonly number[], gazetteer: Gazetteer): Mention[] {
  if (raw.length === 0) return [];
  const { lengths } = gazetteer.automaton;
  const found: Mention[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const alias = raw[i] ?? 0;
    const start = raw[i + 1] ?? 0;
    found.push({ alias, start, end: start + (lengths[alias] ?? 0) });
  }
  const flags = gazetteer.aliasFlags;
  found.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      rank(flags[a.alias] ?? 0) - rank(flags[b.alias] ?? 0) ||
      a.start - b.start,
  );
  const chosen: Mention[] = [];
  for (const mention of found) {
    if (!overlaps(chosen, mention.start, mention.end)) chosen.push(mention);
  }
  return chosen
    .filter((m) => {
      const f = flags[m.alias] ?? 0;
      if ((f & ALIAS_FLAGS.BLOCK) !== 0) return false;
      return (f & ALIAS_FLAGS.SHORT) === 0 || !isStreet(text, m.end);
    })
    .sort((a, b) => a.start - b.start);
}
