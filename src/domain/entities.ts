/**
 * The core records of Fengxiang as plain data. Times are epoch milliseconds (UTC) everywhere below the
 * API, so that both database engines store, compare and bucket them the same way.
 */
import type { SourceHealthState } from './collection.js';
import type { Role } from './roles.js';

/** Epoch milliseconds (UTC). */
export type EpochMs = number;

/** An organisational unit: a district office above its departments (a tree). */
export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  /** Optional code such as an administrative division code. */
  code: string | null;
  /** Materialised path of ids, `/root/child/`, used to select a subtree with one prefix match. */
  path: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** A person who signs in to the console. */
export interface User {
  id: string;
  unitId: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  lastLoginAt: EpochMs | null;
}

/** An API token (only its hash is stored; the secret is shown once at creation). */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  /** First characters of the secret, to tell tokens apart in lists. */
  prefix: string;
  createdAt: EpochMs;
  expiresAt: EpochMs | null;
  lastUsedAt: EpochMs | null;
  revokedAt: EpochMs | null;
}

/** A console session (cookie); the cookie carries the secret, the store its hash. */
export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: EpochMs;
  expiresAt: EpochMs;
  lastSeenAt: EpochMs;
  revokedAt: EpochMs | null;
  ip: string | null;
  userAgent: string | null;
}

/** Source kinds of DESIGN.md §3 (`src/sources/<kind>/`). */
export const SOURCE_KINDS = ['feed', 'page', 'json', 'comments', 'hotlist', 'import', 'push'] as const;
/** One of {@link SOURCE_KINDS}. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Media tiers that weigh source authority (DESIGN.md §5). */
export const MEDIA_TIERS = [
  'central',
  'provincial',
  'local',
  'government',
  'self_media',
  'overseas',
] as const;
/** One of {@link MEDIA_TIERS}. */
export type MediaTier = (typeof MEDIA_TIERS)[number];

/** A place Fengxiang collects from. `config` is kind-specific and validated by its source kind. */
export interface Source {
  id: string;
  unitId: string;
  name: string;
  kind: SourceKind;
  url: string | null;
  platform: string | null;
  tier: MediaTier | null;
  /** The source's own region (属地), free text such as `江苏省苏州市`. */
  region: string | null;
  intervalSeconds: number;
  enabled: boolean;
  config: Record<string, unknown>;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** When the source is next due; null means due now. */
  nextFetchAt: EpochMs | null;
  /** Failed fetches in a row (0 after a success). */
  consecutiveErrors: number;
  lastFetchAt: EpochMs | null;
  lastSuccessAt: EpochMs | null;
  /** When a fetch last stored a new item. */
  lastNewItemAt: EpochMs | null;
  lastError: string | null;
  lastErrorCode: string | null;
  lastErrorAt: EpochMs | null;
  /** How often the source is expected to have something new; silent after twice this without new items. */
  expectedPeriodSeconds: number | null;
  /** Adaptive polling bounds; null means the interval is fixed. */
  minIntervalSeconds: number | null;
  maxIntervalSeconds: number | null;
  /** The host of `url` (lower case, with port if any), for per-host politeness caps. */
  host: string | null;
  /** IANA time zone for zone-less dates; null means the configured default (Asia/Shanghai). */
  timeZone: string | null;
  /** The source kind's state between fetches (validators, seen URLs, polling state). */
  state: Record<string, unknown>;
  /** Administrator override: fetch even where robots.txt disallows. */
  ignoreRobots: boolean;
  health: SourceHealthState;
}

/** What kind of post an item is. */
export const ITEM_KINDS = ['article', 'post', 'comment', 'repost', 'message', 'hot'] as const;
/** One of {@link ITEM_KINDS}. */
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Sentiment labels (DESIGN.md §5). */
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
/** One of {@link SENTIMENTS}. */
export type SentimentLabel = (typeof SENTIMENTS)[number];

/** Emotions (second output of sentiment analysis). */
export const EMOTIONS = ['anger', 'sadness', 'fear', 'joy', 'surprise', 'neutral'] as const;
/** One of {@link EMOTIONS}. */
export type Emotion = (typeof EMOTIONS)[number];

/** A region found in or given for an item: official full names, missing levels null. */
export interface RegionRef {
  province: string | null;
  city: string | null;
  county: string | null;
}

/** Engagement counters as the platform reports them. */
export interface Engagement {
  likes: number;
  comments: number;
  reposts: number;
  views: number;
}

/** The analysis results stored with an item; null until the item has been analysed. */
export interface ItemAnalysis {
  language: string | null;
  sentiment: SentimentLabel | null;
  /** Confidence of the sentiment label, 0–1 (calibrated). */
  sentimentScore: number | null;
  /** One of {@link EMOTIONS}. */
  emotion: Emotion | null;
  emotionScore: number | null;
  categories: string[];
  regions: RegionRef[];
  appeal: boolean | null;
  /** The department category an appeal most likely belongs to. */
  appealDepartment: string | null;
  keywords: string[];
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string | null;
}

/** One collected post, article, comment or repost. */
export interface Item extends ItemAnalysis {
  id: string;
  unitId: string;
  sourceId: string | null;
  kind: ItemKind;
  platform: string | null;
  url: string | null;
  title: string | null;
  content: string;
  author: string | null;
  /** The post this one comments on or reposts. */
  parentId: string | null;
  sourceRegion: string | null;
  ipRegion: string | null;
  contentHash: string;
  engagement: Engagement;
  publishedAt: EpochMs;
  collectedAt: EpochMs;
  analysedAt: EpochMs | null;
  /** The platform's own id of the post or comment. */
  externalId: string | null;
  canonicalUrl: string | null;
  /** The item (comment) this comment replies to. */
  replyToId: string | null;
  /** Image URLs of the post. */
  images: string[];
  /** The item this one is a near-duplicate of (a repost or copy matched by SimHash); null for originals. */
  dupOf: string | null;
  /** 1 for the text as first stored; each edit found on refetch adds one. */
  version: number;
  /** When the text last changed; null when never edited. */
  updatedAt: EpochMs | null;
}

/** Which part of an item a scheme looks at. */
export const SCHEME_TARGETS = ['title', 'content', 'both'] as const;
/** One of {@link SCHEME_TARGETS}. */
export type SchemeTarget = (typeof SCHEME_TARGETS)[number];

/** The structured form of a scheme (地域词, 主体词, 人物词, 事件词, 排除词). */
export interface SchemeWords {
  regions: string[];
  subjects: string[];
  people: string[];
  events: string[];
  excludes: string[];
}

/** A monitoring scheme (监测方案): what a unit watches, as an expression. */
export interface Scheme {
  id: string;
  unitId: string;
  name: string;
  description: string | null;
  expression: string;
  /** The structured form the expression was compiled from, when it was built that way. */
  words: SchemeWords | null;
  target: SchemeTarget;
  enabled: boolean;
  createdBy: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** One line of the audit log: who did what to which record, when and from where. */
export interface AuditEntry {
  id: string;
  at: EpochMs;
  actorUserId: string | null;
  /** The unit the record belongs to (for scoping who may read the entry). */
  unitId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}
