/**
 * Appeals (网络诉求, issue 6 §5): a citizen asks a government body online to solve a concrete problem. The
 * office takes it in (from items flagged as appeals, message boards or the API), triages it, dispatches it to
 * a department with a reply deadline, and tracks the reply, its publication and the citizen's satisfaction.
 */

/**
 * Where an appeal is: new → accepted → dispatched → replied → closed; triage may merge (duplicate) or reject
 * it; a department may return a misrouted one (returned), which goes back to triage and is dispatched again.
 */
export const APPEAL_STATES = [
  'new',
  'accepted',
  'dispatched',
  'returned',
  'replied',
  'closed',
  'merged',
  'rejected',
] as const;
/** One of {@link APPEAL_STATES}. */
export type AppealState = (typeof APPEAL_STATES)[number];

/** How an appeal came in. */
export const APPEAL_CHANNELS = ['item', 'message_board', 'api'] as const;
/** One of {@link APPEAL_CHANNELS}. */
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** The citizen's verdict on the reply (满意 / 基本满意 / 不满意). */
export const APPEAL_SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
/** One of {@link APPEAL_SATISFACTIONS}. */
export type AppealSatisfaction = (typeof APPEAL_SATISFACTIONS)[number];

/** Whether the reply went back to the source (a message board with an API). */
export const APPEAL_PUBLISH_STATES = ['none', 'published', 'failed', 'unsupported'] as const;
/** One of {@link APPEAL_PUBLISH_STATES}. */
export type AppealPublishState = (typeof APPEAL_PUBLISH_STATES)[number];

/** The working days a department has to reply by default (办理时限). */
export const APPEAL_REPLY_DAYS = 5;
/** The most working days one extension may add. */
export const APPEAL_MAX_EXTENSION_DAYS = 10;
/** The working days after dispatch within which a department may return a misrouted appeal. */
export const APPEAL_RETURN_DAYS = 2;

/** A department appeals are dispatched to, with the categories it handles. */
export interface AppealDepartment {
  id: string;
  unitId: string;
  name: string;
  /** Appeal categories it handles (e.g. housing, traffic); used to suggest it at dispatch. */
  categories: string[];
  contact: string | null;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** An appeal. */
export interface Appeal {
  id: string;
  unitId: string;
  channel: AppealChannel;
  title: string;
  content: string;
  /** The item it came from (item and message-board intake). */
  itemId: string | null;
  sourceId: string | null;
  /** The id of the post on its source, for publishing the reply back. */
  externalRef: string | null;
  url: string | null;
  /** Who asked and how to reach them, when known. */
  citizenName: string | null;
  citizenContact: string | null;
  category: string | null;
  state: AppealState;
  receivedAt: number;
  departmentId: string | null;
  dispatchedAt: number | null;
  dueAt: number | null;
  extensionDays: number | null;
  extensionReason: string | null;
  returnReason: string | null;
  mergedIntoId: string | null;
  rejectReason: string | null;
  reply: string | null;
  repliedAt: number | null;
  repliedBy: string | null;
  /** The batch reply (集中回复) this reply was part of. */
  replyBatchId: string | null;
  /** Working days from receipt to reply, on the unit's calendar. */
  handlingDays: number | null;
  /** Whether the reply came by the deadline; null until replied. */
  onTime: boolean | null;
  publishState: AppealPublishState;
  publishedAt: number | null;
  publishedUrl: string | null;
  publishError: string | null;
  satisfaction: AppealSatisfaction | null;
  closedAt: number | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

/** How appeal statistics are grouped. */
export const APPEAL_STAT_GROUPS = ['unit', 'department', 'category'] as const;
/** One of {@link APPEAL_STAT_GROUPS}. */
export type AppealStatGroup = (typeof APPEAL_STAT_GROUPS)[number];

/** Appeal figures of one group (a unit, department or category) for appeals received in a period. */
export interface AppealStats {
  /** The unit id, department id or category; null for appeals without a department or category. */
  key: string | null;
  /** Received in the period (merged duplicates are not counted). */
  received: number;
  rejected: number;
  replied: number;
  onTime: number;
  /** replied ÷ (received − rejected); null when nothing is due. */
  replyRate: number | null;
  /** onTime ÷ replied; null when nothing was replied. */
  onTimeRate: number | null;
  /** Average working days from receipt to reply; null when nothing was replied. */
  averageHandlingDays: number | null;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}
