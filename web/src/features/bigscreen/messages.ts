/** The big screen's (大屏) texts. */

/** Chinese texts. */
export const zh = {
  'screen.title': '网络舆情态势大屏',
  'screen.set.situation': '舆情态势',
  'screen.set.regions': '地域分布',
  'screen.provinceRanking': '省份排名',
  'screen.set.hotspots': '热点热词',
  'screen.set.response': '预警与处置',
  'screen.today': '今日',
  'screen.noToken': '缺少显示令牌',
  'screen.noTokenHint': '请由管理员创建显示令牌，并使用 /screen?token=… 打开本页面。',
  'screen.badToken': '显示令牌无效、已过期或已撤销',
  'screen.offline': '连接中断，显示的是 {time} 的数据',
  'screen.updated': '数据更新于 {time}',
} as const;

/** English texts, the same keys. */
export const en: Record<keyof typeof zh, string> = {
  'screen.title': 'Public opinion wall screen',
  'screen.set.situation': 'Situation',
  'screen.set.regions': 'Regions',
  'screen.provinceRanking': 'Provinces ranked',
  'screen.set.hotspots': 'Hot topics',
  'screen.set.response': 'Alerts and cases',
  'screen.today': 'Today',
  'screen.noToken': 'No display token',
  'screen.noTokenHint': 'Ask an administrator for a display token and open /screen?token=….',
  'screen.badToken': 'The display token is unknown, expired or revoked',
  'screen.offline': 'Connection lost; showing data of {time}',
  'screen.updated': 'Updated {time}',
};
