/**
 * Telling Latin-script languages apart by their most frequent short words and by letters only one of them
 * uses. Each word of the text that is on a language's list scores a point for it; each telltale letter
 * scores half a point. The lists are the commonest function words of each language, written for this
 * project; a word on several lists (`la`, `de`, `in`) scores for each, and a tie means no answer.
 */

const STOP_WORDS: Record<string, string> = {
  en: 'the and of to is in that it for was on with as are be this have from by at not they we you he she his her will would an or but which has were been their said what there all can who about after new',
  fr: 'le la les des du et est un une dans que qui pour pas sur au aux avec ce cette il elle ils nous vous sont ont mais ou par plus été leur selon aussi être fait très je ne sa ses son',
  de: 'der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im auch es wird sind wurde nach bei aus wie oder aber noch ich sie wir haben hat werden über dass nur vor zum zur',
  es: 'el la los las de del y que en un una es por con para se no su sus al lo como más pero fue ha han este esta son está sobre también entre muy yo ya hay desde porque cuando sin según',
  pt: 'o os as do da dos das e que em um uma não com para por se no na nos mais como mas foi ao ele ela são está também seu sua pelo pela já muito isso quando sobre entre depois',
  it: 'il lo la gli le di del della dei e che in un una per non con sono è si da al alla nel nella come più ma anche questo questa ha hanno stato essere dopo molto quando tra tutti suo sua',
  nl: 'de het een en van in is dat op te zijn niet met voor er maar ook als aan bij door wordt werd naar uit nog wel om hij zij ze wij ik dit deze heeft hebben geen dan over kan worden',
};

/** Letters that point to one language. */
const TELLTALE_LETTERS: Record<string, RegExp> = {
  de: /[äöüß]/gu,
  es: /[ñ¿¡]/gu,
  fr: /[çœêèëîïûùÿ]/gu,
  pt: /[ãõ]/gu,
  it: /[ìò]/gu,
};

/** The Latin-script languages the detector knows. */
export const LATIN_LANGUAGES = Object.keys(STOP_WORDS);

const WORD_LISTS = new Map(
  Object.entries(STOP_WORDS).map(([language, words]) => [language, new Set(words.split(' '))]),
);

/** Lower-case words of the text, Latin letters only. */
export function latinWords(text: string): string[] {
  return text.toLowerCase().match(/\p{Script=Latin}+(?:['’]\p{Script=Latin}+)?/gu) ?? [];
}

/** Points per Latin-script language for `text`. */
export function scoreLatin(text: string): Map<string, number> {
  const words = latinWords(text);
  const lower = text.toLowerCase();
  const scores = new Map<string, number>();
  for (const [language, list] of WORD_LISTS) {
    const hits = words.filter((word) => list.has(word)).length;
    const letters = lower.match(TELLTALE_LETTERS[language] ?? /$^/u)?.length ?? 0;
    scores.set(language, hits + letters / 2);
  }
  return scores;
}

/**
 * The Latin-script language of `text`, or null when no language leads: no list word was found, or two
 * languages tie for first place.
 */
export function detectLatinLanguage(text: string): string | null {
  const ranked = [...scoreLatin(text)].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < 1) return null;
  if (second !== undefined && second[1] === first[1]) return null;
  return first[0];
}
