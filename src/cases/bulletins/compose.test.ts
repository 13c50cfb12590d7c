/** The composed first text of a bulletin. */
import { describe, expect, it } from 'vitest';
import { composeBulletinBody, formatLocalTime } from './compose.js';

const AT = Date.UTC(2024, 4, 3, 4, 5); // 12:05 in Shanghai

describe('formatLocalTime', () => {
  it.each([
    ['Asia/Shanghai', '2024年5月3日 12:05'],
    ['UTC', '2024年5月3日 04:05'],
  ])('%s', (zone, text) => expect(formatLocalTime(AT, zone)).toBe(text));
});

describe('composeBulletinBody', () => {
  it('lists events then items, numbered, with sources, times and links', () => {
    const body = composeBulletinBody(
      'special_report',
      [
        {
          title: '某小区停水',
          itemCount: 12,
          firstPublishedAt: AT,
          lastPublishedAt: AT + 3_600_000,
          keywords: ['停水', '小区'],
        },
      ],
      [
        {
          title: '居民反映停水三天',
          excerpt: '多名居民称已停水三天',
          source: '本地论坛',
          url: 'https://bbs.example.cn/t/1',
          publishedAt: AT,
        },
        { title: null, excerpt: '停水了没人管吗', source: null, url: null, publishedAt: AT },
      ],
      'Asia/Shanghai',
    );
    expect(body.split('\n')).toEqual([
      '【专报】共涉及1个事件、2条信息。',
      '1. 某小区停水（2024年5月3日 12:05至2024年5月3日 13:05，相关信息12条，关键词：停水、小区）',
      '2. 居民反映停水三天（本地论坛，2024年5月3日 12:05）：多名居民称已停水三天 链接：https://bbs.example.cn/t/1',
      '3. 停水了没人管吗（2024年5月3日 12:05）',
    ]);
  });

  it('says so when nothing is linked', () => {
    expect(composeBulletinBody('opinion_info', [], [], 'UTC')).toBe('【舆情信息】共涉及0个事件、0条信息。');
  });
});
