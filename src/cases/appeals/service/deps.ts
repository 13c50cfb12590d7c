/**
 * What the appeal service needs: storage, a clock, the unit's working-day calendar (plain weekends in
 * Asia/Shanghai unless the composition root passes the office's calendars) and, optionally, the port that
 * publishes a reply back to the appeal's source.
 */
import type { Appeal } from '../../../domain/index.js';
import type { Clock } from '../../../platform/clock.js';
import type { Storage } from '../../../storage/repositories.js';
import { plainCalendar, type WorkCalendar } from '../../calendar/index.js';

/** The result of publishing a reply to the source. */
export type PublishResult =
  { published: true; url: string | null } | { published: false; reason: 'unsupported' };

/**
 * Publishes a reply back to where the appeal came from (a message board with an API). Answers
 * `{published: false, reason: 'unsupported'}` when the source has no API; throws when the attempt failed.
 */
export type PublishReply = (appeal: Appeal, reply: string) => Promise<PublishResult>;

/** The appeal service's dependencies. */
export interface AppealServiceDeps {
  storage: Storage;
  clock: Clock;
  /** The unit's working-day calendar; plain weekends in Asia/Shanghai when absent. */
  calendarFor?: (unitId: string) => WorkCalendar | Promise<WorkCalendar>;
  /** Publishes replies back to the source; replies stay unpublished (`none`) when absent. */
  publishReply?: PublishReply;
}

/** Who acts, from where, and which units they may touch (null: a system job such as pipeline intake). */
export interface AppealActor {
  userId: string | null;
  ip: string | null;
  unitIds: readonly string[] | null;
}

/** The repositories of one open transaction. */
export type Tx = Omit<Storage, 'transaction' | 'close' | 'ping'>;

const DEFAULT_CALENDAR = plainCalendar('Asia/Shanghai');

/** The calendar of `unitId` (call it outside a transaction: it may read storage). */
export async function calendarOf(deps: AppealServiceDeps, unitId: string): Promise<WorkCalendar> {
  return deps.calendarFor ? deps.calendarFor(unitId) : DEFAULT_CALENDAR;
}
