import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportFile, type ImportedItem } from '../../../src/sources/import/index.js';
import { allRows, fixturePath } from './rows.js';

const dir = mkdtempSync(join(tmpdir(), 'fengxiang-mediacrawler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function items(path: string): Promise<ImportedItem[]> {
  const reader = readImportFile(path);
  const rows = await allRows(reader);
  expect(await reader.format()).toBe('mediacrawler');
  expect(rows.filter((row) => row.error)).toEqual([]);
  return rows.flatMap((row) => (row.item ? [row.item] : []));
}

interface PlatformCase {
  platform: string;
  folder: string;
  ext: string;
  post: Partial<ImportedItem>;
  /** The second comment answers the first; the third belongs to the second post. */
  postIds: [string, string];
  commentIds: [string, string, string];
  firstCommentEngagement: Partial<ImportedItem['engagement']>;
  postUrl: string | null;
}

const CASES: PlatformCase[] = [
  {
    platform: 'xhs',
    folder: 'xhs/jsonl',
    ext: 'jsonl',
    post: {
      title: '苏州周末去哪儿｜平江路避坑指南',
      content: '五一人太多了！平江路排队两小时，建议早上8点前去。#苏州旅游# #平江路#',
      author: '爱旅行的小鹿',
      publishedAt: 1714708800000,
      url: 'https://www.xiaohongshu.com/explore/6634a1b2000000001e03f2a1',
      ipRegion: '江苏',
      engagement: { likes: 12000, comments: 289, reposts: 102 },
      images: ['https://sns-img.example.cn/1.jpg', 'https://sns-img.example.cn/2.jpg'],
    },
    postIds: ['6634a1b2000000001e03f2a1', '6634c9d0000000001e01aa07'],
    commentIds: ['6634b0010000000003013a01', '6634b0220000000003013a02', '6634d1000000000003014b10'],
    firstCommentEngagement: { likes: 36, comments: 1 },
    postUrl: 'https://www.xiaohongshu.com/explore/6634a1b2000000001e03f2a1',
  },
  {
    platform: 'douyin',
    folder: 'douyin/json',
    ext: 'json',
    post: {
      title: '暴雨后城区多处积水，市民蹚水出行',
      content: '暴雨后城区多处积水，市民蹚水出行 #暴雨 #城市内涝',
      author: '城市观察员',
      publishedAt: 1714706400000,
      url: 'https://www.douyin.com/video/7364012345678901234',
      ipRegion: '湖北',
      engagement: { likes: 23000, comments: 1588, reposts: 876 },
    },
    postIds: ['7364012345678901234', '7364098765432109876'],
    commentIds: ['7364020000000000001', '7364020000000000002', '7364100000000000003'],
    firstCommentEngagement: { likes: 412, comments: 2 },
    postUrl: 'https://www.douyin.com/video/7364012345678901234',
  },
  {
    platform: 'kuaishou',
    folder: 'kuaishou/csv',
    ext: 'csv',
    post: {
      title: '农村公路修到家门口',
      content: '村里的水泥路终于通了，老人出门方便多了 #乡村振兴',
      author: '乡村小李',
      publishedAt: 1714705200000,
      url: 'https://www.kuaishou.com/short-video/3xq9abcd1234efg',
      engagement: { likes: 15000, views: 321000 },
    },
    postIds: ['3xq9abcd1234efg', '3xr7wxyz5678hij'],
    commentIds: ['801234567890', '801234567891', '801234567892'],
    firstCommentEngagement: { comments: 0 },
    postUrl: 'https://www.kuaishou.com/short-video/3xq9abcd1234efg',
  },
  {
    platform: 'bilibili',
    folder: 'bilibili/csv',
    ext: 'csv',
    post: {
      title: '【实拍】新开通的地铁5号线到底怎么样？',
      content: '全程实测，换乘、拥挤度、票价一次讲清楚。\n欢迎在评论区交流。',
      author: '城市漫游者',
      publishedAt: 1714701600000,
      url: 'https://www.bilibili.com/video/av1054321098',
      engagement: { likes: 8921, comments: 1203, views: 152000 },
    },
    postIds: ['1054321098', '1054398765'],
    commentIds: ['220011223344', '220011223355', '220099887766'],
    firstCommentEngagement: { likes: 356, comments: 1 },
    postUrl: 'https://www.bilibili.com/video/av1054321098',
  },
  {
    platform: 'weibo',
    folder: 'weibo/jsonl',
    ext: 'jsonl',
    post: {
      title: null,
      content:
        '【通报】关于城东片区停水情况的说明：因主供水管道突发爆管，维修人员正在全力抢修，预计今晚22时前恢复供水。',
      author: '某市水务集团',
      publishedAt: 1714708800000,
      url: 'https://m.weibo.cn/detail/5031234567890123',
      ipRegion: '江苏',
      engagement: { likes: 3562, comments: 1208, reposts: 455 },
    },
    postIds: ['5031234567890123', '5031234567890456'],
    commentIds: ['5031240000000001', '5031240000000002', '5031240000000003'],
    firstCommentEngagement: { likes: 230, comments: 1 },
    postUrl: 'https://m.weibo.cn/detail/5031234567890123',
  },
  {
    platform: 'tieba',
    folder: 'tieba/json',
    ext: 'json',
    post: {
      title: '南湖公园改造后大家觉得怎么样',
      content: '周末去逛了一圈，步道修得不错，就是停车位太少。',
      author: '南湖边的猫',
      publishedAt: null,
      publishedText: '2024-05-03 09:20',
      url: 'https://tieba.baidu.com/p/9012345678',
      ipRegion: '河南',
      engagement: { comments: 86 },
    },
    postIds: ['9012345678', '9012349999'],
    commentIds: ['150011112222', '150011113333', '150022224444'],
    firstCommentEngagement: { comments: 1 },
    postUrl: 'https://tieba.baidu.com/p/9012345678',
  },
  {
    platform: 'zhihu',
    folder: 'zhihu/csv',
    ext: 'csv',
    post: {
      title: '如何评价某市地铁5号线开通？',
      content:
        '作为本地人说几句：地铁5号线开通后，城北到市中心通勤时间从1小时缩短到35分钟。\n但接驳公交还需要优化。',
      author: '城北通勤族',
      publishedAt: 1714698000000,
      url: 'https://www.zhihu.com/question/654321098/answer/3456789012',
      engagement: { likes: 1523, comments: 210 },
    },
    postIds: ['3456789012', '3456790000'],
    commentIds: ['10987654321', '10987654322', '10987654400'],
    firstCommentEngagement: { likes: 88, comments: 1 },
    postUrl: null,
  },
];

describe.each(CASES)('MediaCrawler $platform', (testCase) => {
  const file = (type: string) =>
    fixturePath(`mediacrawler/${testCase.folder}/search_${type}_2024-05-03.${testCase.ext}`);

  it('imports contents as posts', async () => {
    const posts = await items(file('contents'));
    expect(posts.map((post) => post.externalId)).toEqual(testCase.postIds);
    expect(posts.every((post) => post.kind === 'post' && post.platform === testCase.platform)).toBe(true);
    expect(posts[0]).toMatchObject(testCase.post);
  });

  it('imports comments linked to their posts and to the comments they answer', async () => {
    const comments = await items(file('comments'));
    expect(comments.map((comment) => comment.externalId)).toEqual(testCase.commentIds);
    expect(
      comments.every((comment) => comment.kind === 'comment' && comment.platform === testCase.platform),
    ).toBe(true);
    const [first, reply, other] = comments;
    expect(first?.parent).toEqual({ externalId: testCase.postIds[0], url: testCase.postUrl });
    expect(first?.replyToExternalId).toBeUndefined();
    expect(first?.engagement).toEqual(testCase.firstCommentEngagement);
    expect(first?.content.length).toBeGreaterThan(0);
    expect(first?.publishedAt ?? first?.publishedText).toBeTruthy();
    expect(reply?.parent?.externalId).toBe(testCase.postIds[0]);
    if (testCase.platform !== 'kuaishou') expect(reply?.replyToExternalId).toBe(testCase.commentIds[0]);
    expect(other?.parent?.externalId).toBe(testCase.postIds[1]);
  });

  it('recognises the format, platform and file type from the fields when the path does not say', async () => {
    for (const type of ['contents', 'comments']) {
      const plain = join(
        dir,
        `export-${CASES.indexOf(testCase)}-${type === 'contents' ? 'p' : 'c'}.${testCase.ext}`,
      );
      copyFileSync(file(type), plain);
      const reader = readImportFile(plain);
      const rows = await allRows(reader);
      expect(await reader.format()).toBe('mediacrawler');
      const kinds = new Set(rows.map((row) => `${row.item?.platform}/${row.item?.kind}`));
      expect(kinds).toEqual(new Set([`${testCase.platform}/${type === 'contents' ? 'post' : 'comment'}`]));
    }
  });
});

describe('MediaCrawler edge cases', () => {
  it('refuses creator files row by row, and a platform override wins', async () => {
    const path = join(dir, 'creator_creators_2024-05-03.jsonl');
    copyFileSync(fixturePath('mediacrawler/xhs/jsonl/search_contents_2024-05-03.jsonl'), path);
    const rows = await allRows(readImportFile(path));
    expect(rows.map((row) => row.error)).toEqual([
      'line 1: MediaCrawler creator files list accounts, not posts',
      'line 2: MediaCrawler creator files list accounts, not posts',
    ]);
    const renamed = await allRows(
      readImportFile(fixturePath('mediacrawler/xhs/jsonl/search_contents_2024-05-03.jsonl'), {
        platform: 'rednote',
      }),
    );
    expect(renamed[0]?.item?.platform).toBe('rednote');
  });
});
