import { describe, expect, it } from 'vitest';
import { canonicalText, coreOf } from './canonical.js';

describe('canonicalText', () => {
  it.each<[string, string, string, string[]]>([
    ['punctuation and spaces go', '今天， 下雨了！！', '今天下雨了', []],
    ['full width folds', 'ＡＰＰ下载２０２４', 'app下载2024', []],
    ['traditional becomes simplified', '網絡輿情', '网络舆情', []],
    ['emoticons, mentions and links go', '太好了[哈哈]@小王 http://t.cn/A6x', '太好了', []],
    ['a bare repost marker goes', '转发微博', '', []],
    ['a reply prefix goes', '回复@老张:说得对', '说得对', []],
    ['an inline source goes', '市区降雨（来源：市气象台）', '市区降雨', []],
    ['a last source line goes', '市区降雨\n来源：市气象台\n', '市区降雨', []],
    ['a read-more marker goes', '市区今天降雨...全文', '市区今天降雨', []],
    [
      'a repost chain splits into layers',
      '顶//@小李:同意//@某发布:原文内容',
      '顶同意原文内容',
      ['顶', '同意', '原文内容'],
    ],
    ['转发理由 and 原文 split too', '转发理由：关注 原文：火灾通报', '关注火灾通报', ['关注', '火灾通报']],
  ])('%s', (_name, text, full, layers) => {
    expect(canonicalText(text)).toEqual({ full, layers });
  });
});

describe('coreOf', () => {
  it.each([
    ['the quoted original of a chain', '顶//@小李:同意//@某发布:原文内容', '原文内容'],
    ['the whole text without a chain', '原文内容。', '原文内容'],
  ])('%s', (_name, text, core) => {
    expect(coreOf(canonicalText(text))).toBe(core);
  });
});
