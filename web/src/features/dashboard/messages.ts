/** The dashboard's own texts (the older `dash.*` keys stay in the main dictionaries). */

/** Chinese texts. */
export const zh = {
  'range.year': '近一年',
  'dash.alertsRaised': '预警',
  'dash.nonNegative': '非负面',
  'dash.regions': '地域分布',
  'dash.negativeShare': '负面占比 {percent}%',
  'dash.keywords': '热词',
  'dash.keywordsSampled': '按最近 {count} 条统计',
  'dash.itemCount': '{count} 条',
  'dash.inPeriod': '信息',
  'dash.overdueCount': '{count} 项超期',
} as const;

/** English texts, the same keys. */
export const en: Record<keyof typeof zh, string> = {
  'range.year': 'Past year',
  'dash.alertsRaised': 'Alerts',
  'dash.nonNegative': 'Not negative',
  'dash.regions': 'Regions',
  'dash.negativeShare': 'Negative {percent}%',
  'dash.keywords': 'Keywords',
  'dash.keywordsSampled': 'Counted over the newest {count}',
  'dash.itemCount': '{count} items',
  'dash.inPeriod': 'Items',
  'dash.overdueCount': '{count} overdue',
};
