import { describe, expect, it } from 'vitest';
import { parseRepostChain, type RepostChain } from './repost.js';

const EMPTY: RepostChain = { own: '', chain: [], tags: [], sourceLine: null, replyTo: null };

describe('parseRepostChain', () => {
  it.each<[string, string, Partial<RepostChain>]>([
    ['plain text', '今天去政务大厅办事很顺利', { own: '今天去政务大厅办事很顺利' }],
    [
      'a two-link chain',
      '太过分了//@张三:这是真的吗？//@李四：某小区业主维权',
      {
        own: '太过分了',
        chain: [
          { author: '张三', text: '这是真的吗？' },
          { author: '李四', text: '某小区业主维权' },
        ],
      },
    ],
    [
      'the default repost text',
      '转发微博//@王五:求扩散',
      { own: '', chain: [{ author: '王五', text: '求扩散' }] },
    ],
    ['a traditional default repost text', '轉發微博', { own: '' }],
    [
      'spaces around the separator',
      '顶 // @赵六: 关注',
      { own: '顶', chain: [{ author: '赵六', text: '关注' }] },
    ],
    ['a reply', '回复@市民小王:已转交相关部门处理', { own: '已转交相关部门处理', replyTo: '市民小王' }],
    [
      'labels are removed',
      '【突发】某路段发生交通事故【现场】',
      { own: '某路段发生交通事故', tags: ['突发', '现场'] },
    ],
    ['topics stay in the text', '#垃圾分类#从我做起', { own: '垃圾分类从我做起', tags: ['垃圾分类'] }],
    [
      'a source in brackets',
      '某市召开防汛会议。（来源：新华社）',
      { own: '某市召开防汛会议。', sourceLine: '新华社' },
    ],
    [
      'a source with ASCII brackets',
      '通报全文如下(来源:人民日报)',
      { own: '通报全文如下', sourceLine: '人民日报' },
    ],
    [
      'a trailing source line',
      '全市启动应急响应。\n来源：某某日报',
      { own: '全市启动应急响应。', sourceLine: '某某日报' },
    ],
    [
      'a source at the end of the chain',
      '关注//@某某发布:全市停课一天（来源：教育局）',
      { own: '关注', chain: [{ author: '某某发布', text: '全市停课一天' }], sourceLine: '教育局' },
    ],
    [
      'a source word mid-sentence is kept',
      '他说来源：不明的消息不要信，大家注意',
      { own: '他说来源：不明的消息不要信，大家注意' },
    ],
    ['a link without a colon', '看//@someone', { own: '看', chain: [{ author: 'someone', text: '' }] }],
    ['a URL is not a chain', '详见 https://example.com/a', { own: '详见 https://example.com/a' }],
  ])('%s', (_name, text, expected) => {
    expect(parseRepostChain(text)).toEqual({ ...EMPTY, ...expected });
  });
});
