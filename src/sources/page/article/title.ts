/**
 * The headline of an article page: og:title or the page's <h1> when the <title> starts with it, else the
 * <title> with the site suffix removed (`标题_新浪新闻`, `标题 - 网易`, `标题_新闻中心_某某网`).
 */

const SEPARATOR = /\s*(?:_|\||｜|——|—|－|\s-\s)\s*/u;
/**
 * How a headline goes on after a cut-off copy of it: glued on (no space, no separator), or a space and then
 * a quote. A space and a word, or a separator, start a site suffix that was not removed instead.
 */
const CONTINUATION = /^(?:[^\s_|｜—－-]|\s+["'“‘「『])/u;
/** A trailing segment this short is taken for a site or channel name. */
const MAX_SUFFIX_LENGTH = 16;
const MIN_TITLE_LENGTH = 4;

/** A <title> split into the headline and the site or channel names that trailed it. */
export interface SplitTitle {
  title: string;
  /** The removed trailing segments, nearest the headline first (`['新闻中心', '南州新闻网']`). */
  suffixes: string[];
}

/** Splits the trailing site or channel names off `text`. */
export function splitSiteSuffix(text: string): SplitTitle {
  const parts = text.trim().split(SEPARATOR);
  const suffixes: string[] = [];
  while (parts.length > 1) {
    const last = parts[parts.length - 1] ?? '';
    const rest = parts.slice(0, -1).join(' ');
    if (last.length > MAX_SUFFIX_LENGTH || rest.length < MIN_TITLE_LENGTH) break;
    suffixes.unshift(last);
    parts.pop();
  }
  const stripped = parts.join('_');
  return stripped.length >= MIN_TITLE_LENGTH
    ? { title: stripped, suffixes: suffixes.filter((suffix) => suffix !== '') }
    : { title: text.trim(), suffixes: [] };
}

/** `text` without trailing site or channel names. */
export function stripSiteSuffix(text: string): string {
  return splitSiteSuffix(text).title;
}

/** What a page offers as its title. */
export interface TitleCandidates {
  ogTitle: string | null;
  titleTag: string | null;
  h1: string | null;
}

/**
 * Whether `meta` is a cut-off copy of `full`: a strict prefix that the headline continues. Pages that put
 * an unescaped quote in `content="…"` cut og:title there (`content="龙湖"暗伤"曝露"` gives `龙湖`).
 */
function isTruncated(meta: string, full: string): boolean {
  return full.length > meta.length && full.startsWith(meta) && CONTINUATION.test(full.slice(meta.length));
}

/** The best headline among the candidates, or null. */
export function chooseTitle({ ogTitle, titleTag, h1 }: TitleCandidates): string | null {
  const fromTag = titleTag ? stripSiteSuffix(titleTag) : null;
  if (ogTitle) {
    const fromMeta = stripSiteSuffix(ogTitle);
    return fromTag && isTruncated(fromMeta, fromTag) ? fromTag : fromMeta;
  }
  if (h1 && titleTag?.startsWith(h1)) return h1;
  return fromTag ?? h1;
}
