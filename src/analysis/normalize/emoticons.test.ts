import { describe, expect, it } from 'vitest';
import { emoticonFeeling, emoticons } from './emoticons.js';

describe('emoticons', () => {
  it.each([
    ['bracket emoticons', '又停水了[怒][怒]，什么时候修好[泪]', ['[怒]', '[怒]', '[泪]']],
    ['emoji in order with brackets', '😭太难了[哈哈]😡', ['😭', '[哈哈]', '😡']],
    ['Latin emoticons', '服务真好[doge][good]', ['[doge]', '[good]']],
    ['placeholders are not emoticons', '现场[图片][视频]', []],
    ['numbers and long text in brackets are not emoticons', '参见[1]和[这是一段很长的说明文字]', []],
    ['nothing', '平静的一天', []],
  ])('%s', (_name, text, expected) => {
    expect(emoticons(text)).toEqual(expected);
  });
});

describe('emoticonFeeling', () => {
  it.each([
    ['[怒]', 'anger'],
    ['[泪]', 'sadness'],
    ['[哈哈]', 'joy'],
    ['[吃惊]', 'surprise'],
    ['[微笑]', 'sarcasm'],
    ['[DOGE]', 'sarcasm'],
    ['😱', 'fear'],
    ['[没见过]', null],
  ])('%s → %s', (emoticon, expected) => {
    expect(emoticonFeeling(emoticon)).toBe(expected);
  });
});
