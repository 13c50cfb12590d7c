/** Counting the letters of each writing system in a text: the first and strongest clue to its language. */

/** Writing systems the detector tells apart. */
export type Script =
  'han' | 'kana' | 'hangul' | 'latin' | 'cyrillic' | 'arabic' | 'greek' | 'hebrew' | 'thai' | 'devanagari';

const SCRIPT_PATTERNS: [Script, RegExp][] = [
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];

/** Letters per writing system. */
export type ScriptCounts = Record<Script, number>;

function emptyCounts(): ScriptCounts {
  return {
    han: 0,
    kana: 0,
    hangul: 0,
    latin: 0,
    cyrillic: 0,
    arabic: 0,
    greek: 0,
    hebrew: 0,
    thai: 0,
    devanagari: 0,
  };
}

/** The script of one character, or null for digits, punctuation, marks of length and the like. */
export function scriptOf(char: string): Script | null {
  if (char === 'ー') return 'kana';
  for (const [script, pattern] of SCRIPT_PATTERNS) {
    if (pattern.test(char)) return script;
  }
  return null;
}

/** How many letters of each script `text` has. */
export function countScripts(text: string): ScriptCounts {
  const counts = emptyCounts();
  for (const char of text) {
    const script = scriptOf(char);
    if (script !== null) counts[script] += 1;
  }
  return counts;
}
