/**
 * Character classes of BMP code units that the hot loops of analysis ask about for every character
 * (is it a letter or digit; does it form a lower-case run), answered from a table that is filled on
 * first sight of each unit by the same Unicode property expressions the slower code used, so answers
 * are identical while each unit pays for one regular-expression test per process.
 */

const UNKNOWN = 0;
/** Not a letter or digit; also every surrogate half (callers handle astral characters themselves). */
export const OTHER_UNIT = 1;
/** A letter or digit outside {@link RUN_UNIT} (upper or title case, modifier letters). */
export const LETTER_UNIT = 2;
/** A lower-case or caseless letter (Ll, Lo) or a digit (N). */
export const RUN_UNIT = 3;

const RUN = /^[\p{Ll}\p{Lo}\p{N}]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Added to a unit's class in the table when lower-casing the unit changes it. */
const CASED = 4;

/** Class (low two bits) and {@link CASED} of each unit, 0 until first looked up. */
const classes = new Uint8Array(0x10000);

function entry(unit: number): number {
  const known = classes[unit] ?? UNKNOWN;
  if (known !== UNKNOWN) return known;
  const char = String.fromCharCode(unit);
  const found =
    (RUN.test(char) ? RUN_UNIT : LETTER_OR_DIGIT.test(char) ? LETTER_UNIT : OTHER_UNIT) |
    (char.toLowerCase() === char ? 0 : CASED);
  classes[unit] = found;
  return found;
}

/** The class of one UTF-16 code unit: {@link OTHER_UNIT}, {@link LETTER_UNIT} or {@link RUN_UNIT}. */
export function unitClass(unit: number): number {
  return entry(unit) & 3;
}

/** True when lower-casing the code unit (as a one-unit string) leaves it as it is. */
export function isLowerStable(unit: number): boolean {
  return (entry(unit) & CASED) === 0;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * `text` without everything but letters and digits (what `text.replace(/[^\p{L}\p{N}]+/gu, '')` gives),
 * copying runs of kept characters rather than running the expression over plain text.
 */
export function lettersAndDigits(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isSurrogate(unit)) return text.replace(NOT_LETTER_OR_DIGIT, '');
    if (unitClass(unit) !== OTHER_UNIT) continue;
    if (i > runStart) out += text.slice(runStart, i);
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
