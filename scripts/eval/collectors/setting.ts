/** What every collector evaluation step shares: the time zone of zone-less times and the URL of a saved file. */

/** The zone every zone-less time in the evaluation data is read in. */
export const EVAL_TIME_ZONE = 'Asia/Shanghai';

/**
 * The URL a saved file is read as: collectors resolve links only against http(s) pages, and the files carry
 * no URL of their own, so each gets one under the reserved `.invalid` domain (never fetched).
 */
export function evalUrl(path: string): string {
  return new URL(path.split('\\').join('/'), 'https://data.eval.invalid/').href;
}
