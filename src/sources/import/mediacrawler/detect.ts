/**
 * Which MediaCrawler platform and file type a file holds: from its path (the platform folder, the
 * `…_contents_…` / `…_comments_…` name) and, when the path does not say, from the record's field names.
 */
import { PLATFORMS, type MediaCrawlerFileType, type PlatformTable } from './platforms.js';

/** MediaCrawler file names: `<search|detail|creator>_<contents|comments|creators>_<date>.<ext>`. */
export const MEDIACRAWLER_NAME = /(?:^|[_-])(?:search|detail|creator)_(?:contents|comments|creators?)_/iu;

/** Field names every MediaCrawler record carries beside a platform id field. */
export const MEDIACRAWLER_MARK = 'last_modify_ts';

function tokens(path: string): string[] {
  return path
    .toLowerCase()
    .split(/[\\/_.\-\s]+/u)
    .filter((token) => token !== '');
}

/** The platform a path names (a folder such as `data/xhs/json/` or a token of the file name), or null. */
export function platformFromPath(path: string): PlatformTable | null {
  const found = new Set(tokens(path));
  return PLATFORMS.find((table) => table.folders.some((folder) => found.has(folder))) ?? null;
}

/** The file type a path names, or null. */
export function fileTypeFromPath(path: string): MediaCrawlerFileType | null {
  const name = path.split(/[\\/]/u).pop()?.toLowerCase() ?? '';
  if (name.includes('comments')) return 'comments';
  if (name.includes('contents')) return 'contents';
  if (name.includes('creator_creators') || /(?:^|_)creators?_\d/u.test(name)) return 'creators';
  return null;
}

/** The platform whose distinctive fields `keys` has, or null. */
export function platformFromFields(keys: readonly string[]): PlatformTable | null {
  const present = new Set(keys);
  return PLATFORMS.find((table) => table.marks.some((mark) => present.has(mark))) ?? null;
}

/** The file type the record's fields suggest. */
export function fileTypeFromFields(
  keys: readonly string[],
  table: PlatformTable | null,
): MediaCrawlerFileType {
  const present = new Set(keys);
  if (present.has('comment_id')) return 'comments';
  if (table !== null && !present.has(table.postId) && (present.has('fans') || present.has('follows'))) {
    return 'creators';
  }
  return 'contents';
}
