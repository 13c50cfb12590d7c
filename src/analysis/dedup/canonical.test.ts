import { describe, expect, it } from 'vitest';
import { normalizeText } from '../normalize/text.js';
import { canonicalText, canonicalTextOf, coreOf } from './canonical.js';

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

describe('canonicalTextOf', () => {
  it.each([
    ['one line', '今天， 下雨了！！'],
    ['a source line at the end', '市民反映小区噪音扰民\n来源：人民网'],
    ['an editor line after a source line', '市民反映小区噪音扰民\n来源：人民网\n责任编辑：张三'],
    ['blank lines at the end', '市民反映小区噪音扰民\n\n \n'],
    ['several ordinary lines', '第一行\n市民反映小区噪音扰民\n最后一行'],
    ['a repost chain', '太吓人了//@成都身边事: 今天上午春熙路一商场发生火灾'],
    ['a trailing source after a sentence', '市民反映小区噪音扰民。 来源:人民网'],
    ['links and read-more', '详情见 https://example.com/a?b=1 …全文'],
  ])('gives what canonicalText gives for %s', (_name, text) => {
    expect(canonicalTextOf(text, normalizeText(text))).toEqual(canonicalText(text));
  });
});
