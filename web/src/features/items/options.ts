/** Fixed choices of the filters: the built-in category keys and the provinces by official full name. */

/** The built-in taxonomy's keys (DESIGN.md §5); offices' own categories arrive as free text. */
export const CATEGORY_KEYS = [
  'corruption',
  'wealth_gap',
  'finance',
  'public_safety',
  'environment',
  'food_drug',
  'education',
  'healthcare',
  'housing',
  'labor',
  'traffic',
  'law_enforcement',
  'disaster',
  'gov_service',
  'consumer',
] as const;

/** Provinces and equivalent divisions by the official names the region filter takes. */
export const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '台湾省',
  '香港特别行政区',
  '澳门特别行政区',
] as const;

/** Platforms offered before anyone types one (the filter takes any name). */
export const COMMON_PLATFORMS = ['weibo', 'wechat', 'douyin', 'zhihu', 'news', 'forum', 'tieba', 'bilibili'];
