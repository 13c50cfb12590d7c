import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/sources/import/index.js';
import { allRows, fixturePath } from './rows.js';

describe('weibo-crawler CSV', () => {
  it('maps its Chinese columns, links by bid, takes the author from the folder and marks reposts', async () => {
    const reader = readImportFile(fixturePath('weibo-crawler/weibo/苏州发布/2714280233.csv'));
    const rows = await allRows(reader);
    expect(await reader.format()).toBe('weibo-crawler');
    expect(rows.map((row) => row.error ?? null)).toEqual([null, null, null]);
    const [first, repost, third] = rows.map((row) => row.item);
    expect(first).toEqual({
      kind: 'post',
      externalId: '5031298765432101',
      url: 'https://m.weibo.cn/status/Oa1BcDeFg',
      title: null,
      content: '【五一假期出行提示】假期首日全市主要景区客流平稳，请市民游客错峰出行。',
      author: '苏州发布',
      publishedAt: null,
      publishedText: '2024-05-01 08:30',
      platform: 'weibo',
      ipRegion: null,
      engagement: { likes: 1203, comments: 156, reposts: 389 },
      images: ['https://wx1.sinaimg.example/large/a1.jpg'],
    });
    expect(repost).toMatchObject({
      kind: 'repost',
      parent: { externalId: '5031200000000001', url: null },
      url: 'https://weibo.com/ttarticle/p/show?id=2309404998',
    });
    expect(third).toMatchObject({
      engagement: { likes: 21000, comments: 3102, reposts: 980 },
      images: ['https://wx1.sinaimg.example/large/b1.jpg', 'https://wx1.sinaimg.example/large/b2.jpg'],
    });
  });
});
