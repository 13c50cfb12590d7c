/**
 * The names people read for the platform codes items carry (`weibo` → 微博 / Weibo), shared by the API's
 * clients: the console imports this file directly (plain data, no schemas), so the platform ring, lists and
 * filters print 微博 rather than `weibo`. Codes not listed (a forum's own name, say) print as they are.
 */

/** A platform's Chinese and English name. */
export interface PlatformName {
  zh: string;
  en: string;
}

/** The known platform codes and source kinds (an item without a platform counts under its source's kind). */
export const PLATFORM_NAMES: Readonly<Record<string, PlatformName>> = {
  weibo: { zh: '微博', en: 'Weibo' },
  wechat: { zh: '微信', en: 'WeChat' },
  douyin: { zh: '抖音', en: 'Douyin' },
  kuaishou: { zh: '快手', en: 'Kuaishou' },
  xhs: { zh: '小红书', en: 'Xiaohongshu' },
  bilibili: { zh: '哔哩哔哩', en: 'Bilibili' },
  tieba: { zh: '百度贴吧', en: 'Baidu Tieba' },
  zhihu: { zh: '知乎', en: 'Zhihu' },
  toutiao: { zh: '今日头条', en: 'Toutiao' },
  news: { zh: '新闻网站', en: 'News sites' },
  forum: { zh: '论坛', en: 'Forums' },
  board: { zh: '留言板', en: 'Message boards' },
  blog: { zh: '博客', en: 'Blogs' },
  video: { zh: '视频', en: 'Video' },
  feed: { zh: '网站订阅', en: 'Feeds' },
  page: { zh: '网页', en: 'Web pages' },
  json: { zh: '接口', en: 'APIs' },
  comments: { zh: '评论区', en: 'Comments' },
  hotlist: { zh: '热榜', en: 'Hot lists' },
  import: { zh: '导入', en: 'Imported' },
  push: { zh: '推送', en: 'Pushed' },
  未知: { zh: '未知', en: 'Unknown' },
};

/** The name of platform `code` in `language`; unknown codes come back unchanged. */
export function platformLabel(code: string, language: 'zh' | 'en'): string {
  return PLATFORM_NAMES[code.toLowerCase()]?.[language] ?? code;
}
