/**
 * detectLanguage: an ISO 639-1 code for a text, or `und` when it is too short or unknown. The writing
 * system decides first (Han → zh, kana → ja, Hangul → ko, Cyrillic → ru or uk, Arabic → ar or fa, Greek,
 * Hebrew, Thai, Devanagari); Latin text is told apart by its function words (en, fr, de, es, pt, it, nl).
 * Han, kana and Hangul letters count three times, as each carries about as much as a Latin word's letters,
 * so `华为发布Mate 60 Pro新品` is Chinese. Web and e-mail addresses are ignored.
 */
import { detectLatinLanguage } from './latin.js';
import { countScripts, type Script, type ScriptCounts } from './scripts.js';

/** The code for a text whose language is unknown. */
export const UNDETERMINED = 'und';

/** Fewer weighted letters than this and the text is too short to tell. */
const MIN_WEIGHT = 3;
/** Share of kana among Han and kana above which Han-script text is Japanese. */
const KANA_SHARE_FOR_JAPANESE = 0.1;

/** Web and e-mail addresses, which say nothing about the language around them. */
const ADDRESSES = /[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|\S+@\S+\.\S+/giu;

const WEIGHTS: Partial<Record<Script, number>> = { han: 3, kana: 3, hangul: 3 };

function dominantScript(counts: ScriptCounts): Script | null {
  let best: Script | null = null;
  let bestWeight = 0;
  for (const [script, count] of Object.entries(counts) as [Script, number][]) {
    const weight = count * (WEIGHTS[script] ?? 1);
    if (weight > bestWeight) {
      best = script;
      bestWeight = weight;
    }
  }
  return bestWeight >= MIN_WEIGHT ? best : null;
}

function cyrillicLanguage(text: string): string {
  return /[іїєґ]/iu.test(text) ? 'uk' : 'ru';
}

function arabicLanguage(text: string): string {
  return /[پچژگ]/u.test(text) ? 'fa' : 'ar';
}

function hanLanguage(counts: ScriptCounts): string {
  const share = counts.kana / (counts.han + counts.kana);
  return share >= KANA_SHARE_FOR_JAPANESE ? 'ja' : 'zh';
}

const SINGLE_LANGUAGE_SCRIPTS: Partial<Record<Script, string>> = {
  hangul: 'ko',
  greek: 'el',
  hebrew: 'he',
  thai: 'th',
  devanagari: 'hi',
};

const HAN = /\p{Script=Han}/gu;
const ONE_HAN = /^\p{Script=Han}$/u;
/** Characters looked at by the fast path. */
const QUICK_SAMPLE = 80;

/** Kana or Hangul (Hiragana, Katakana, Katakana extensions, Hangul syllables and jamo). */
function isKanaOrHangul(unit: number): boolean {
  return (
    (unit >= 0x3040 && unit <= 0x30ff) ||
    (unit >= 0x31f0 && unit <= 0x31ff) ||
    (unit >= 0xac00 && unit <= 0xd7af) ||
    (unit >= 0x1100 && unit <= 0x11ff)
  );
}

/** 1 + whether each BMP code unit is a Han letter (0: not looked up yet), filled on first sight. */
const hanUnits = new Uint8Array(0x10000);

function isHanUnit(unit: number): boolean {
  let known = hanUnits[unit] ?? 0;
  if (known === 0) {
    known = ONE_HAN.test(String.fromCharCode(unit)) ? 2 : 1;
    hanUnits[unit] = known;
  }
  return known === 2;
}

/**
 * Han letters in `sample` (as the expression counts them: an astral letter is one). The unified block
 * U+4E00–U+9FFF is all Han; other units are looked up.
 */
function countHan(sample: string): number {
  let han = 0;
  for (let i = 0; i < sample.length; i++) {
    const unit = sample.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return sample.match(HAN)?.length ?? 0;
    if (unit >= 0x4e00 && unit <= 0x9fff) han++;
    else if (unit >= 0x2e80 && isHanUnit(unit)) han++;
  }
  return han;
}

/**
 * The common case answered without counting every script: no kana or Hangul anywhere, and Han letters
 * dominating the opening (weighted three to one against everything else there). Same answer as the full
 * count for such texts, a fraction of the time; one pass over the code units, no expressions.
 */
function clearlyChinese(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x1100 && isKanaOrHangul(unit)) return false;
  }
  const sample = text.slice(0, QUICK_SAMPLE);
  const han = countHan(sample);
  return han >= 10 && han * 3 >= sample.length;
}

/** The ISO 639-1 code of the language of `text`, or `und`. */
export function detectLanguage(input: string): string {
  if (clearlyChinese(input)) return 'zh';
  const text = input.replace(ADDRESSES, ' ');
  const counts = countScripts(text);
  const script = dominantScript(counts);
  switch (script) {
    case null:
      return UNDETERMINED;
    case 'han':
    case 'kana':
      return hanLanguage(counts);
    case 'cyrillic':
      return cyrillicLanguage(text);
    case 'arabic':
      return arabicLanguage(text);
    case 'latin':
      return detectLatinLanguage(text) ?? UNDETERMINED;
    default:
      return SINGLE_LANGUAGE_SCRIPTS[script] ?? UNDETERMINED;
  }
}
