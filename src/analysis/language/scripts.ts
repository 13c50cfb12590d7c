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

const SCRIPTS: readonly Script[] = SCRIPT_PATTERNS.map(([script]) => script);
/** Unknown (0), no script (1) or 2 + the index in SCRIPTS of each BMP code unit, filled on first sight. */
const unitScripts = new Uint8Array(0x10000);

function scriptOfUnit(unit: number): Script | null {
  let known = unitScripts[unit] ?? 0;
  if (known === 0) {
    const script = scriptOf(String.fromCharCode(unit));
    known = script === null ? 1 : 2 + SCRIPTS.indexOf(script);
    unitScripts[unit] = known;
  }
  return known === 1 ? null : (SCRIPTS[known - 2] ?? null);
}

/**
 * How many letters of each script `text` has. Characters are read as code points, as `for…of` reads
 * them; those of the BMP are looked up in a table filled on first sight instead of testing every
 * script's expression again.
 */
export function countScripts(text: string): ScriptCounts {
  const counts = emptyCounts();
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let script: Script | null;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        script = scriptOf(text.slice(i, i + 2));
        i++;
      } else script = scriptOfUnit(unit);
    } else script = scriptOfUnit(unit);
    if (script !== null) counts[script] += 1;
  }
  return counts;
}
