/**
 * Charset labels as pages and servers write them, folded to the names iconv-lite decodes with. GB2312 and
 * GBK are read as GB18030 (a superset: pages labelled gb2312 routinely carry GBK-only characters), and
 * Latin-1 as windows-1252, as browsers do.
 */
import iconv from 'iconv-lite';

const ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  'gb_2312-80': 'gb18030',
  'euc-cn': 'gb18030',
  cp936: 'gb18030',
  ms936: 'gb18030',
  'windows-936': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  cp950: 'big5',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'utf-16': 'utf-16le',
};

/** The decoder name for a charset label, or null when the label is empty or unknown to iconv-lite. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (cleaned === '') return null;
  const name = ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(name) ? name : null;
}
