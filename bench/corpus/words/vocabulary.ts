/**
 * Hand-written word lists of the synthetic corpus. Each list is in rough frequency order: the generator
 * samples it with a Zipf law, so the first words are common and the last ones rare, as online text is.
 */

function words(list: string): string[] {
  return list.split(' ');
}

/** An event word and the built-in category keys (DESIGN.md §5) it belongs to. */
export interface EventWord {
  word: string;
  categories: string[];
}

/** Bodies that posts complain about or praise (主体词). */
export const SUBJECTS = words(
  '政府 医院 学校 物业 开发商 派出所 城管 街道办 居委会 村委会 交警 公交公司 供电局 自来水公司 燃气公司 环保局 住建局 教育局 卫健委 市场监管局 人社局 法院 银行 幼儿园 养老院 化工厂 外卖平台 快递公司 房产中介 培训机构 超市 餐馆 地铁公司 高速公路 拆迁办 信访局 税务局 民政局 殡仪馆 水务集团 垃圾处理厂 自然资源局 应急管理局 消防救援大队 农业农村局 文旅局 网信办 纪委监委 统计局',
);

/** Events (事件词) with their categories. */
export const EVENTS: readonly EventWord[] = [
  { word: '拆迁', categories: ['housing', 'gov_service'] },
  { word: '欠薪', categories: ['labor'] },
  { word: '交通事故', categories: ['traffic', 'public_safety'] },
  { word: '食品安全', categories: ['food_drug'] },
  { word: '环境污染', categories: ['environment'] },
  { word: '暴雨', categories: ['disaster'] },
  { word: '停水', categories: ['gov_service'] },
  { word: '停电', categories: ['gov_service'] },
  { word: '噪音扰民', categories: ['environment'] },
  { word: '强拆', categories: ['housing', 'law_enforcement'] },
  { word: '医疗纠纷', categories: ['healthcare'] },
  { word: '烂尾楼', categories: ['housing', 'finance'] },
  { word: '学区划分', categories: ['education'] },
  { word: '校园霸凌', categories: ['education', 'public_safety'] },
  { word: '火灾', categories: ['public_safety', 'disaster'] },
  { word: '内涝', categories: ['disaster'] },
  { word: '电信诈骗', categories: ['law_enforcement', 'finance'] },
  { word: '房价', categories: ['housing', 'wealth_gap'] },
  { word: '贪污', categories: ['corruption'] },
  { word: '受贿', categories: ['corruption'] },
  { word: '违章建筑', categories: ['housing', 'law_enforcement'] },
  { word: '征地补偿', categories: ['housing', 'gov_service'] },
  { word: '拖欠工程款', categories: ['labor', 'finance'] },
  { word: '垃圾焚烧', categories: ['environment'] },
  { word: '物价上涨', categories: ['consumer', 'wealth_gap'] },
  { word: '非法集资', categories: ['finance', 'law_enforcement'] },
  { word: '暴力执法', categories: ['law_enforcement'] },
  { word: '假药', categories: ['food_drug', 'healthcare'] },
  { word: '过期食品', categories: ['food_drug', 'consumer'] },
  { word: '股市', categories: ['finance'] },
  { word: '理财爆雷', categories: ['finance'] },
  { word: '塌方', categories: ['disaster', 'public_safety'] },
  { word: '燃气爆炸', categories: ['public_safety'] },
  { word: '地震', categories: ['disaster'] },
  { word: '台风', categories: ['disaster'] },
  { word: '水质异味', categories: ['environment', 'gov_service'] },
  { word: '预付卡跑路', categories: ['consumer'] },
  { word: '天价彩礼', categories: ['wealth_gap'] },
  { word: '挂号难', categories: ['healthcare'] },
  { word: '乱收费', categories: ['consumer', 'gov_service'] },
  { word: '酒驾', categories: ['traffic', 'law_enforcement'] },
  { word: '群租房', categories: ['housing', 'public_safety'] },
  { word: '山体滑坡', categories: ['disaster'] },
  { word: '化工泄漏', categories: ['environment', 'public_safety'] },
  { word: '养老金', categories: ['wealth_gap', 'gov_service'] },
  { word: '疫苗', categories: ['healthcare', 'food_drug'] },
  { word: '招考舞弊', categories: ['corruption', 'education'] },
  { word: '校服质量', categories: ['education', 'consumer'] },
  { word: '演习', categories: [] },
  { word: '防汛演练', categories: ['disaster'] },
];

/** People roles (人物词). */
export const PEOPLE = words(
  '网友 业主 村民 家长 市民 患者 农民工 司机 学生 老人 记者 工作人员 志愿者 消防员 医生 护士 老师 外卖员 快递员 环卫工人 局长 书记 副市长 村支书 街道主任 校长 院长 经理 律师 民警 辅警 城管队员 包工头 租户',
);

/** Sentiment phrases by label. */
export const SENTIMENT_PHRASES = {
  negative: words(
    '太气人了 简直离谱 没人管吗 寒心 投诉无门 一拖再拖 敷衍了事 苦不堪言 令人愤怒 严重影响生活 求曝光 太坑了 欺人太甚 越来越差 到底谁来负责 失望透顶 忍无可忍',
  ),
  positive: words(
    '点赞 效率很高 给力 辛苦了 暖心 处理及时 值得表扬 感谢 真负责 越来越好 为民办实事 服务周到 点个赞',
  ),
  neutral: words(
    '据了解 目前 相关部门表示 记者从现场获悉 有知情人士称 截至发稿 情况正在核实 据通报 有关情况如下 网传',
  ),
};

/** Phrases that turn a post into an appeal (诉求). */
export const APPEAL_PHRASES = words(
  '希望有关部门尽快处理 请领导关注一下 恳请相关部门解决 请给我们一个说法 能不能管一管 请尽快给予答复 希望政府出面协调 请求上级部门介入调查',
);

/** Everyday words that fill sentences; sampled with a Zipf law so a long tail of rarer words exists. */
export const FILLER = words(
  '我们 现在 已经 问题 情况 时候 今天 昨天 上午 下午 晚上 附近 小区 门口 路口 楼下 家里 孩子 大家 一直 ' +
    '还是 终于 突然 听说 看到 发现 反映 解决 处理 回复 电话 投诉 排队 等待 通知 公告 视频 照片 现场 ' +
    '周边 居民 安全 隐患 质量 标准 价格 费用 补贴 政策 规定 合同 手续 证件 窗口 热线 部门 领导 负责人 ' +
    '调查 核实 通报 回应 道歉 赔偿 整改 关停 罚款 立案 检查 监管 责任 影响 损失 群众 生活 出行 上班 ' +
    '工资 房子 车位 电梯 管道 道路 桥梁 学校门口 菜市场 广场 公园 河道 工地 厂区 仓库 车站 医院门口 ' +
    '急诊 病房 药店 食堂 宿舍 教室 操场 图书馆 村口 田地 果园 大棚 鱼塘 山路 隧道 高架 收费站 停车场 ' +
    '暴晒 寒潮 高温 雾霾 异味 黑烟 污水 噪声 粉尘 渗水 裂缝 断电 积水 塌陷 拥堵 事故 伤者 救护车 ' +
    '警方 调解 协商 沟通 开会 座谈 走访 排查 巡查 整治 疏导 维修 抢修 恢复 搬迁 安置 登记 审批 公示 ' +
    '申请 材料 流程 进度 结果 承诺 期限 月底 年底 春节 国庆 中秋 端午 元旦 清明 开学 高考 中考 ' +
    '业委会 物业费 公摊 车库 装修 漏水 暖气 燃气费 水费 电费 网费 话费 医保 社保 公积金 低保 ' +
    '个税 贷款 利息 首付 月供 房贷 车贷 信用卡 网贷 催收 征信 退款 客服 售后 快递 外卖 骑手 差评 ' +
    '直播 短视频 热搜 评论区 转发 点赞数 官方 权威 辟谣 谣言 真相 细节 后续 进展 关注 持续 跟进 ' +
    '社区医院 卫生院 疾控中心 敬老院 福利院 残联 妇联 团委 工会 商会 协会 合作社 龙头企业 产业园 ' +
    '开发区 高新区 保税区 自贸区 老城区 城中村 棚户区 安置房 保障房 廉租房 人才公寓 共有产权 ' +
    '乡村振兴 营商环境 放管服 一网通办 最多跑一次 接诉即办 河长制 林长制 网格员 楼长 志愿服务 ' +
    '垃圾分类 厕所革命 光伏板 充电桩 新能源车 电动自行车 头盔 红绿灯 斑马线 人行道 非机动车道',
);

/** Online noise: emoji codes, repost markers, laughter, ellipses. */
export const NOISE = words(
  '[怒] [doge] [允悲] [微笑] [赞] [泪] 哈哈哈 。。。 ？？？ ！！ 转发微博 [吃瓜] 真的假的 +1 顶 mark 围观 …… 😡 👍 🙏',
);

/** Sources of the corpus: name, platform, kind of item they mostly give. */
export const SOURCES = [
  { key: 's-weibo', name: '微博关键词监测', platform: 'weibo', tier: 'self_media', itemKind: 'post' },
  { key: 's-douyin', name: '抖音评论', platform: 'douyin', tier: 'self_media', itemKind: 'post' },
  { key: 's-toutiao', name: '今日头条', platform: 'toutiao', tier: 'self_media', itemKind: 'article' },
  { key: 's-xinhua', name: '新华网地方频道', platform: 'news', tier: 'central', itemKind: 'article' },
  { key: 's-provnews', name: '省级新闻网', platform: 'news', tier: 'provincial', itemKind: 'article' },
  { key: 's-citynews', name: '市级融媒体', platform: 'news', tier: 'local', itemKind: 'article' },
  { key: 's-board', name: '领导留言板', platform: 'board', tier: 'government', itemKind: 'message' },
  { key: 's-tieba', name: '本地贴吧', platform: 'tieba', tier: 'self_media', itemKind: 'post' },
  { key: 's-wechat', name: '公众号文章', platform: 'wechat', tier: 'self_media', itemKind: 'article' },
  { key: 's-zhihu', name: '知乎问答', platform: 'zhihu', tier: 'self_media', itemKind: 'post' },
] as const;

/** The units that own items. */
export const UNITS = ['市委网信办', '区委宣传部', '市卫健委', '市教育局', '市住建局'] as const;
