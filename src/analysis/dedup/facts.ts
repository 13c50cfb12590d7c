/**
 * The facts of a text that a template keeps apart: numbers (dates, times, counts), weekdays and place
 * names. Two notices written from one template (“x月x日，xx区xx路发生火灾，x人受伤”) share almost every
 * shingle and differ only here, so two texts that each have facts the other lacks are not copies of each
 * other, however close their wording. Facts are read from canonical text (no punctuation or whitespace).
 */

/** Finds place names in canonical text (for example the region analyser's matches). */
export type PlaceFinder = (canonical: string) => Iterable<string>;

const DIGITS = /\p{Nd}+/gu;
const CHINESE_NUMBER =
  /[零〇一二两三四五六七八九十百千万亿]{2,}|[零〇一二两三四五六七八九十][年月日号时点分秒岁人名起辆户间层楼元栋座家次]/gu;
const WEEKDAY = /(?:星期|礼拜|周)[一二三四五六日天]/gu;
/** Two characters before a place suffix: the same window in both texts, wherever the name starts. */
const PLACE_SUFFIX = /\p{Script=Han}{2}(?:省|市|县|区|镇|乡|村|街道|路|街|大道|小区|社区|湖|河|山)/gu;

/** Every match of `pattern` in `text`, added to `into`. */
function collect(pattern: RegExp, text: string, into: Set<string>): void {
  for (const match of text.matchAll(pattern)) into.add(match[0]);
}

/** The facts of a canonical text: digit runs, Chinese numbers, weekdays and place-like names. */
export function factsOf(canonical: string, findPlaces?: PlaceFinder): Set<string> {
  const facts = new Set<string>();
  collect(DIGITS, canonical, facts);
  collect(CHINESE_NUMBER, canonical, facts);
  collect(WEEKDAY, canonical, facts);
  collect(PLACE_SUFFIX, canonical, facts);
  if (findPlaces) for (const place of findPlaces(canonical)) facts.add(place);
  return facts;
}

/**
 * True when `fact` has no counterpart among `others`: not there itself, and not the start of one of them
 * (a number cut short by truncation, 20 of 2012, still counts as matched).
 */
function unmatched(fact: string, others: ReadonlySet<string>): boolean {
  if (others.has(fact)) return false;
  for (const other of others) if (other.startsWith(fact)) return false;
  return true;
}

/**
 * True when each side has a fact the other lacks: a number, date or place was replaced, as in the same
 * template filled in with different facts. Facts on one side only (a comment that adds a number, a copy
 * cut short) are no conflict.
 */
export function factsConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let aHasOwn = false;
  for (const fact of a) {
    if (unmatched(fact, b)) {
      aHasOwn = true;
      break;
    }
  }
  if (!aHasOwn) return false;
  for (const fact of b) if (unmatched(fact, a)) return true;
  return false;
}
