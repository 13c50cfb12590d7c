import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParameter, resolveUrl } from './url.js';

describe('canonicalUrl', () => {
  it.each([
    ['lower-cases scheme and host', 'HTTP://News.Example.COM/A/B', 'http://news.example.com/A/B'],
    ['drops the default http port', 'http://example.com:80/a', 'http://example.com/a'],
    ['drops the default https port', 'https://example.com:443/a', 'https://example.com/a'],
    ['keeps other ports', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    ['drops the fragment', 'https://example.com/a#comments', 'https://example.com/a'],
    ['adds the root path', 'https://example.com', 'https://example.com/'],
    ['strips an empty query', 'https://example.com/a?', 'https://example.com/a'],
    ['resolves dot segments', 'https://example.com/a/b/../c/./d', 'https://example.com/a/c/d'],
    ['collapses duplicate slashes', 'https://example.com//a///b/', 'https://example.com/a/b/'],
    ['keeps index.html', 'https://example.com/news/index.html', 'https://example.com/news/index.html'],
    ['sorts parameters', 'https://example.com/a?b=2&a=1&c=3', 'https://example.com/a?a=1&b=2&c=3'],
    ['keeps order of repeated names', 'https://example.com/?x=2&a=1&x=1', 'https://example.com/?a=1&x=2&x=1'],
    [
      'removes utm parameters',
      'https://example.com/a?utm_source=wx&utm_medium=share&id=7',
      'https://example.com/a?id=7',
    ],
    [
      'removes spm and scm',
      'https://item.example.cn/x.htm?spm=a1z10.1&scm=1007.2&id=9',
      'https://item.example.cn/x.htm?id=9',
    ],
    [
      'removes share tokens',
      'https://example.cn/v?share_token=abc&share_source=qq&vid=3',
      'https://example.cn/v?vid=3',
    ],
    [
      'removes bilibili trackers',
      'https://www.bilibili.com/video/BV1xx?spm_id_from=333.1&vd_source=ab',
      'https://www.bilibili.com/video/BV1xx',
    ],
    [
      'removes weibo wfr and from',
      'https://weibo.com/123/abc?wfr=spider&from=page_1005',
      'https://weibo.com/123/abc',
    ],
    [
      'removes ad click ids',
      'https://example.com/?gclid=1&fbclid=2&yclid=3&msclkid=4&q=a',
      'https://example.com/?q=a',
    ],
    ['removes mailing trackers', 'https://example.com/?_hsenc=x&mc_cid=y&mc_eid=z', 'https://example.com/'],
    ['removes isappinstalled', 'https://example.com/n?isappinstalled=0&id=1', 'https://example.com/n?id=1'],
    [
      'removes refer and ref_src',
      'https://example.com/n?refer=abc&ref_src=twsrc&id=1',
      'https://example.com/n?id=1',
    ],
    ['keeps a numeric from (paging)', 'https://example.com/list?from=20', 'https://example.com/list?from=20'],
    [
      'removes a timestamp cache buster _',
      'https://example.com/api?_=1714696200000&page=2',
      'https://example.com/api?page=2',
    ],
    [
      'removes a timestamp cache buster t',
      'https://example.com/api?t=1714696200&page=2',
      'https://example.com/api?page=2',
    ],
    ['keeps a t that is not a timestamp', 'https://example.com/api?t=news', 'https://example.com/api?t=news'],
    [
      'keeps Discuz mod',
      'https://bbs.example.cn/forum.php?mod=viewthread&tid=123',
      'https://bbs.example.cn/forum.php?mod=viewthread&tid=123',
    ],
    ['keeps ref', 'https://example.com/?ref=main', 'https://example.com/?ref=main'],
    [
      'keeps only the article identity on WeChat',
      'https://mp.weixin.qq.com/s?__biz=MzA&mid=265&idx=1&sn=abc&chksm=84&scene=21#wechat_redirect',
      'https://mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=265&sn=abc',
    ],
    ['keeps value encoding', 'https://example.com/s?q=a%20b&w=c+d', 'https://example.com/s?q=a%20b&w=c+d'],
    [
      'upper-cases percent escapes',
      'https://example.com/%e4%b8%ad?q=%e6%96%87',
      'https://example.com/%E4%B8%AD?q=%E6%96%87',
    ],
    ['encodes a Chinese path', 'https://example.com/新闻', 'https://example.com/%E6%96%B0%E9%97%BB'],
    ['turns an IDN host into punycode', 'https://中国政府.政务/a', 'https://xn--fiqs8sirgfmh.xn--zfr164b/a'],
    ['drops user and password', 'https://user:secret@example.com/a', 'https://example.com/a'],
    ['drops a trailing dot on the host', 'https://example.com./a', 'https://example.com/a'],
    ['trims surrounding space', '  https://example.com/a  ', 'https://example.com/a'],
    ['is idempotent', 'https://example.com/a?a=1&b=2', 'https://example.com/a?a=1&b=2'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it.each([
    ['ftp://example.com/a'],
    ['mailto:a@example.com'],
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['/relative/path'],
    ['not a url'],
    [''],
    ['http://'],
  ])('%j is null', (input) => {
    expect(canonicalUrl(input)).toBeNull();
  });

  it('gives the same form for a canonical URL a second time', () => {
    const once = canonicalUrl('HTTPS://Example.com:443//a/../b?z=1&utm_x=2&a=3#f');
    expect(once).toBe('https://example.com/b?a=3&z=1');
    expect(canonicalUrl(once ?? '')).toBe(once);
  });
});

describe('isTrackingParameter', () => {
  it.each([
    ['utm_campaign', 'x', true],
    ['UTM_Source', 'x', true],
    ['spm', 'a', true],
    ['from', 'timeline', true],
    ['from', '40', false],
    ['_', '1714696200', true],
    ['_', 'abc', false],
    ['mod', 'viewthread', false],
    ['id', '1', false],
  ])('%s=%s → %s', (name, value, expected) => {
    expect(isTrackingParameter(name, value)).toBe(expected);
  });
});

describe('resolveUrl', () => {
  const base = 'https://news.example.cn/a/b/page.html?x=1';
  it.each([
    ['relative file', 'c.html', 'https://news.example.cn/a/b/c.html'],
    ['parent directory', '../c.html', 'https://news.example.cn/a/c.html'],
    ['root relative', '/d/e.html', 'https://news.example.cn/d/e.html'],
    ['protocol relative', '//img.example.cn/1.jpg', 'https://img.example.cn/1.jpg'],
    ['absolute http', 'http://other.example.com/x', 'http://other.example.com/x'],
    ['query only', '?page=2', 'https://news.example.cn/a/b/page.html?page=2'],
    ['keeps a fragment on a real target', 'c.html#top', 'https://news.example.cn/a/b/c.html#top'],
    ['surrounding whitespace', '  c.html\n', 'https://news.example.cn/a/b/c.html'],
    ['javascript', 'javascript:void(0)', null],
    ['javascript in capitals with spaces', ' JavaScript:void(0)', null],
    ['mailto', 'mailto:editor@example.cn', null],
    ['tel', 'tel:12345', null],
    ['data', 'data:image/png;base64,AAAA', null],
    ['fragment only', '#comments', null],
    ['empty', '', null],
    ['ftp', 'ftp://example.cn/file', null],
  ])('%s', (_name, href, expected) => {
    expect(resolveUrl(href, base)).toBe(expected);
  });

  it('returns null for an invalid base', () => {
    expect(resolveUrl('a.html', 'not a url')).toBeNull();
  });
});
