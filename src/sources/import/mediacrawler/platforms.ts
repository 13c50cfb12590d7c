/**
 * The fields MediaCrawler (github.com/NanmiCoder/MediaCrawler) writes per platform, as its store modules
 * name them, and which item field each fills. Files live under `data/<platform>/<json|jsonl|csv>/` and are
 * named `<crawler type>_<contents|comments|creators>_<date>.<ext>` (crawler type: search, detail, creator).
 *
 * | platform | post id | text | time | likes / comments / reposts / views | link | author | IP |
 * |---|---|---|---|---|---|---|---|
 * | xhs 小红书 | note_id | title, desc | time (ms) | liked_count / comment_count / share_count / – | note_url | nickname | ip_location |
 * | douyin 抖音 | aweme_id | title, desc | create_time (s) | liked_count / comment_count / share_count / – | aweme_url | nickname | ip_location |
 * | kuaishou 快手 | video_id | title, desc | create_time (ms) | liked_count / – / – / viewd_count | video_url | nickname | – |
 * | bilibili B站 | video_id | title, desc | create_time (s) | liked_count / video_comment / video_share_count / video_play_count | video_url | nickname | – |
 * | weibo 微博 | note_id | content | create_time (s), create_date_time | liked_count / comments_count / shared_count / – | note_url | nickname | ip_location |
 * | tieba 贴吧 | note_id | title, desc | publish_time (text) | – / total_replay_num / – / – | note_url | user_nickname | ip_location |
 * | zhihu 知乎 | content_id | title, content_text | created_time (s) | voteup_count / comment_count / – / – | content_url | user_nickname | – |
 *
 * Comments: comment_id, content, create_time (publish_time on tieba and zhihu), like_count
 * (comment_like_count on weibo), sub_comment_count, nickname (user_nickname on tieba and zhihu),
 * ip_location, parent_comment_id (the comment replied to; empty or 0 at top level), and the post's id under
 * the post id field above (note_id, aweme_id, video_id, content_id), plus note_url on tieba.
 */
import type { ItemField } from '../../mapping/record.js';

/** MediaCrawler's file types. */
export type MediaCrawlerFileType = 'contents' | 'comments' | 'creators';

/** Candidate MediaCrawler fields per item field, first non-empty wins. */
export type FieldTable = Partial<Record<ItemField, readonly string[]>>;

/** One platform's shape. */
export interface PlatformTable {
  /** Fengxiang's platform name. */
  platform: string;
  /** Folder names MediaCrawler and its users put this platform's files in. */
  folders: readonly string[];
  /** Field names only this platform's files have (any one is enough). */
  marks: readonly string[];
  /** The post id field, in posts and in their comments. */
  postId: string;
  contents: FieldTable;
  comments: FieldTable;
  /** The post's link from its id, for comments that only carry the id. */
  postUrl?: (id: string) => string;
}

const commentBase: FieldTable = {
  id: ['comment_id'],
  content: ['content'],
  time: ['create_time', 'publish_time'],
  likes: ['like_count', 'comment_like_count'],
  comments: ['sub_comment_count'],
  author: ['nickname', 'user_nickname'],
  ipRegion: ['ip_location'],
};

/** The platforms, in the order field-based detection tries them (most distinctive marks first). */
export const PLATFORMS: readonly PlatformTable[] = [
  {
    platform: 'douyin',
    folders: ['douyin', 'dy'],
    marks: ['aweme_id', 'aweme_url', 'sec_uid'],
    postId: 'aweme_id',
    contents: {
      id: ['aweme_id'],
      title: ['title'],
      content: ['desc', 'title'],
      time: ['create_time'],
      likes: ['liked_count'],
      comments: ['comment_count'],
      reposts: ['share_count'],
      url: ['aweme_url'],
      author: ['nickname'],
      ipRegion: ['ip_location'],
    },
    comments: commentBase,
    postUrl: (id) => `https://www.douyin.com/video/${id}`,
  },
  {
    platform: 'tieba',
    folders: ['tieba'],
    marks: ['tieba_name', 'tieba_id', 'tieba_link', 'total_replay_num'],
    postId: 'note_id',
    contents: {
      id: ['note_id'],
      title: ['title'],
      content: ['desc', 'title'],
      time: ['publish_time'],
      comments: ['total_replay_num'],
      url: ['note_url'],
      author: ['user_nickname'],
      ipRegion: ['ip_location'],
    },
    comments: commentBase,
    postUrl: (id) => `https://tieba.baidu.com/p/${id}`,
  },
  {
    platform: 'zhihu',
    folders: ['zhihu'],
    marks: ['content_id', 'voteup_count', 'user_url_token', 'content_text'],
    postId: 'content_id',
    contents: {
      id: ['content_id'],
      title: ['title'],
      content: ['content_text', 'desc', 'title'],
      time: ['created_time'],
      likes: ['voteup_count'],
      comments: ['comment_count'],
      url: ['content_url'],
      author: ['user_nickname'],
      ipRegion: ['ip_location'],
    },
    comments: commentBase,
  },
  {
    platform: 'bilibili',
    folders: ['bilibili', 'bili'],
    marks: ['video_play_count', 'video_danmaku', 'video_coin_count', 'video_favorite_count', 'sex', 'sign'],
    postId: 'video_id',
    contents: {
      id: ['video_id'],
      title: ['title'],
      content: ['desc', 'title'],
      time: ['create_time'],
      likes: ['liked_count'],
      comments: ['video_comment'],
      reposts: ['video_share_count'],
      views: ['video_play_count'],
      url: ['video_url'],
      author: ['nickname'],
    },
    comments: commentBase,
    postUrl: (id) => `https://www.bilibili.com/video/av${id}`,
  },
  {
    platform: 'kuaishou',
    folders: ['kuaishou', 'ks'],
    marks: ['viewd_count', 'video_play_url', 'video_id'],
    postId: 'video_id',
    contents: {
      id: ['video_id'],
      title: ['title'],
      content: ['desc', 'title'],
      time: ['create_time'],
      likes: ['liked_count'],
      views: ['viewd_count'],
      url: ['video_url'],
      author: ['nickname'],
    },
    comments: commentBase,
    postUrl: (id) => `https://www.kuaishou.com/short-video/${id}`,
  },
  {
    platform: 'weibo',
    folders: ['weibo', 'wb'],
    marks: ['shared_count', 'comments_count', 'comment_like_count', 'create_date_time', 'comment_ip'],
    postId: 'note_id',
    contents: {
      id: ['note_id'],
      content: ['content'],
      time: ['create_time', 'create_date_time'],
      likes: ['liked_count'],
      comments: ['comments_count'],
      reposts: ['shared_count'],
      url: ['note_url'],
      author: ['nickname'],
      ipRegion: ['ip_location'],
    },
    comments: commentBase,
    postUrl: (id) => `https://m.weibo.cn/detail/${id}`,
  },
  {
    platform: 'xhs',
    folders: ['xhs', 'xiaohongshu'],
    marks: ['note_id'],
    postId: 'note_id',
    contents: {
      id: ['note_id'],
      title: ['title'],
      content: ['desc', 'title'],
      time: ['time'],
      likes: ['liked_count'],
      comments: ['comment_count'],
      reposts: ['share_count'],
      url: ['note_url'],
      author: ['nickname'],
      ipRegion: ['ip_location'],
    },
    comments: commentBase,
    postUrl: (id) => `https://www.xiaohongshu.com/explore/${id}`,
  },
];
