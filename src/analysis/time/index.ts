/** Publication-time parsing: every form sites print, to an absolute instant in the unit's time zone. */
export { parsePublishedTime } from './parse.js';
export { inferYear, FUTURE_TOLERANCE_MS, type YearlessDate } from './infer-year.js';
export type { TimeContext } from './reading.js';
export { wallTimeAt, wallTimeToEpoch, zoneOffsetAt, type WallTime } from './zone.js';
