import { describe, expect, it } from 'vitest';
import { detectImportFormat } from './detect.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('detectImportFormat', () => {
  it.each([
    ['xlsx by extension', 'export.xlsx', Buffer.alloc(0), 'xlsx'],
    ['xlsx by zip signature', 'export.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), 'xlsx'],
    [
      'MediaCrawler by name',
      'data/xhs/json/search_contents_2024-05-03.json',
      bytes('[\n    {\n'),
      'mediacrawler',
    ],
    [
      'MediaCrawler creator comments by name',
      'dy/creator_comments_2024-05-03.csv',
      bytes('comment_id,'),
      'mediacrawler',
    ],
    [
      'MediaCrawler by fields (JSON)',
      'dump.json',
      bytes('[{"aweme_id": "1", "desc": "x", "last_modify_ts": 1}]'),
      'mediacrawler',
    ],
    [
      'MediaCrawler by fields (CSV with BOM)',
      'dump.csv',
      bytes('\uFEFFnote_id,content,shared_count,last_modify_ts\n'),
      'mediacrawler',
    ],
    [
      'weibo-crawler by header',
      '2714280233.csv',
      bytes('id,bid,正文,头条文章url,原始图片url\n1,2,3,,\n'),
      'weibo-crawler',
    ],
    ['JSON Lines by extension', 'items.jsonl', bytes('{"content": "a"}\n'), 'jsonl'],
    ['JSON Lines by content', 'items.txt', bytes('  {"content": "a"}\n'), 'jsonl'],
    ['a JSON array', 'items.json', bytes('[{"content": "a"}]'), 'jsonl'],
    ['CSV by extension even with a brace', 'odd.csv', bytes('{a},b\n'), 'csv'],
    ['CSV by default', 'export.txt', bytes('标题,内容\n'), 'csv'],
    [
      'fields without the MediaCrawler mark stay generic',
      'x.jsonl',
      bytes('{"note_id": "1", "content": "a"}'),
      'jsonl',
    ],
  ])('%s', (_name, path, head, expected) => {
    expect(detectImportFormat(path, head)).toBe(expected);
  });
});
