/**
 * The hand-written Chinese cue words the sentiment rules use: evaluative words, negators, degree words,
 * adversative and concessive conjunctions. Written for Fengxiang (not copied from any research lexicon);
 * they are deliberately small and common — the trained model carries the long tail.
 */

/** What a cue word does. */
export type CueKind =
  'positive' | 'negative' | 'negator' | 'degree' | 'adversative' | 'concessive' | 'neutral';

function words(list: string): readonly string[] {
  return list.split(' ').filter((word) => word !== '');
}

/** Common positive evaluative words. */
export const POSITIVE_WORDS = words(
  '好 不错 满意 喜欢 推荐 值得 优秀 出色 完美 精彩 漂亮 舒适 舒服 干净 整洁 方便 便宜 实惠 划算 热情 周到 ' +
    '耐心 高效 及时 准时 快捷 给力 感谢 谢谢 点赞 赞 棒 厉害 开心 高兴 快乐 幸福 温暖 感动 美好 可爱 好吃 ' +
    '美味 好看 好用 流畅 清晰 稳定 安全 放心 贴心 专业 负责 认真 靠谱 优惠 超值 惊喜 满分 支持 加油 致敬 ' +
    '祝福 希望 成功 顺利 健康 平安 感激 欣慰 骄傲 自豪 爱 喜爱 享受 轻松 愉快 精致 新鲜 可口 香 大方 宽敞 ' +
    '安静 齐全 便捷 友好 礼貌 和蔼 到位 合理 实用 结实 优质 清楚 细心 哈哈 嘻嘻 好评 物美价廉 物超所值 ' +
    '五星 完善 改善 进步 提升 有效 积极 称赞 表扬 好人 英雄 伟大 辛苦了 佩服 敬佩 能干 优美 赞赏',
);

/** Common negative evaluative words. */
export const NEGATIVE_WORDS = words(
  '差 坏 烂 糟糕 失望 后悔 垃圾 难吃 难看 难用 恶心 讨厌 生气 愤怒 气愤 伤心 难过 痛苦 悲伤 害怕 恐惧 担心 ' +
    '焦虑 崩溃 无语 郁闷 烦 脏 乱 吵 臭 贵 慢 冷漠 敷衍 拖延 推诿 欺骗 骗 坑 黑心 投诉 举报 维权 不满 抱怨 ' +
    '差评 退货 退款 故障 问题 毛病 破 陈旧 简陋 死机 漏水 异味 发霉 过期 变质 粗暴 不负责 腐败 贪污 违法 ' +
    '违规 事故 死亡 受伤 灾难 污染 黑幕 丑闻 谣言 造假 虚假 可恶 可怜 可惜 遗憾 痛心 心疼 绝望 无奈 委屈 ' +
    '气死 坑爹 尼玛 妈的 滚 傻 蠢 恶劣 严重 危险 混乱 拥堵 欠薪 拖欠 霸王条款 乱收费 缺德 不靠谱 麻烦 吃亏 ' +
    '上当 忽悠 倒霉 惨 累 疼 哭 呸 鄙视 愤慨 不行 不好 差劲 没用',
);

/** Negators: they turn the polarity of the evaluative word that follows them in the same clause. */
export const NEGATORS = words(
  '不 没 没有 别 未 无 非 莫 勿 毫无 并非 并不 从不 从未 不是 不太 不够 不怎么 绝不 决不 难以 谈不上 算不上 称不上',
);

/** Degree words: they strengthen the evaluative word that follows them in the same clause. */
export const DEGREE_WORDS = words(
  '非常 很 太 特别 极其 极 十分 超 超级 最 挺 相当 真 真的 格外 尤其 巨 贼 忒 蛮 更 更加 越来越 实在 简直 过于',
);

/** Adversatives: the clause after one weighs more than the clauses before it. */
export const ADVERSATIVES = words('但 但是 可是 不过 然而 只是 却 偏偏 反而');

/** Concessives (虽然…): their clause weighs less. */
export const CONCESSIVES = words('虽然 虽 尽管 虽说 即使');

/**
 * Words that contain a cue but are not that cue (不但 is no negation, 好像 is no praise); matched as
 * longer words they shadow the shorter cue inside them.
 */
export const NEUTRAL_SHADOWS = words(
  '不但 不仅 不断 不少 不管 不论 不如 不得不 不久 不同 不用 无论 好像 好多 好几 只好 正好 刚好 最好 还好 ' +
    '好不容易 没想到 但愿 无限 别人 别的 差不多 差点 未来 超市 真相 莫名 无法 免不了 爱心 问题是 不过来 非常规',
);

/** Degree multiplier of a degree word before an evaluative word. */
export const DEGREE_FACTOR = 1.5;
/** How much a negated evaluative word counts toward the opposite polarity. */
export const NEGATION_FACTOR = 0.8;
/** How much the clauses before an adversative (and concessive clauses) count. */
export const DISCOUNTED_CLAUSE_FACTOR = 0.5;
