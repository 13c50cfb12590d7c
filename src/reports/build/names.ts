/** Chinese names of the codes a report prints: platforms, tiers, sentiments. Unknown codes print as they are. */
import type { MediaTier, SentimentLabel } from '../../domain/index.js';

const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  weibo: '微博',
  wechat: '微信',
  douyin: '抖音',
  kuaishou: '快手',
  xhs: '小红书',
  bilibili: '哔哩哔哩',
  tieba: '百度贴吧',
  zhihu: '知乎',
  toutiao: '今日头条',
  news: '新闻网站',
  forum: '论坛',
  blog: '博客',
  video: '视频',
  feed: '网站订阅',
  page: '网页',
  json: '接口',
  comments: '评论区',
  hotlist: '热榜',
  import: '导入',
  push: '推送',
};

/** The Chinese name of a platform code. */
export function platformName(code: string | null): string {
  if (code === null || code === '') return '未知';
  return PLATFORM_NAMES[code.toLowerCase()] ?? code;
}

/** Chinese names of the media tiers. */
export const TIER_NAMES: Readonly<Record<MediaTier, string>> = {
  central: '中央媒体',
  provincial: '省级媒体',
  local: '地方媒体',
  government: '政务机构',
  self_media: '自媒体',
  overseas: '境外媒体',
};

/** Chinese names of the sentiments. */
export const SENTIMENT_NAMES: Readonly<Record<SentimentLabel, string>> = {
  positive: '正面',
  neutral: '中性',
  negative: '负面',
};

/** The Chinese name of a category key, from the taxonomy the caller passed. */
export function categoryName(key: string, names: Readonly<Record<string, string>>): string {
  return names[key] ?? key;
}
