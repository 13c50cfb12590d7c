/**
 * Time of day as Chinese and English sites print it: `08:30`, `8:30:15.250`, `8点30分`, `14时`, with the
 * hour marks 上午 / 下午 / 晚上 … or AM / PM. The pattern is a source fragment with named groups so that the
 * date patterns can embed it.
 */

/** Hours, minutes, seconds and milliseconds of one clock reading. */
export interface Clock {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MORNING_MARKS = ['上午', '早上', '早晨', '清晨', '凌晨', 'am', 'a.m.'];
const NOON_MARKS = ['中午'];
const AFTERNOON_MARKS = ['下午', '午后', '傍晚', '晚上', '晚间', '夜里', '夜间', 'pm', 'p.m.'];

const MARK = '上午|早上|早晨|清晨|凌晨|中午|下午|午后|傍晚|晚上|晚间|夜里|夜间';
const SUFFIX = '[ap]\\.?m\\.?';

/**
 * Regular-expression source for a clock reading. Named groups: `mark` (leading hour mark), `h`, `mi`, `s`,
 * `ms` (colon form), `cmi`, `cs` (Chinese 点/时 … 分 … 秒 form) and `suffix` (AM/PM after the time).
 */
export const CLOCK_SOURCE =
  `(?:(?<mark>${MARK})\\s*)?(?<h>\\d{1,2})` +
  `(?::(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,](?<ms>\\d{1,9}))?)?|[点时](?:\\s*(?<cmi>\\d{1,2})\\s*分(?:\\s*(?<cs>\\d{1,2})\\s*秒)?)?)` +
  `(?:\\s*(?<suffix>${SUFFIX})(?![a-z]))?`;

/** Named groups of a regular-expression match, as the RegExp API returns them. */
export type Groups = Record<string, string | undefined>;

function adjustHour(hour: number, mark: string | undefined): number {
  if (mark === undefined) return hour;
  const lower = mark.toLowerCase();
  if (MORNING_MARKS.includes(lower)) return hour === 12 ? 0 : hour;
  if (NOON_MARKS.includes(lower)) return hour < 11 ? hour + 12 : hour;
  if (AFTERNOON_MARKS.includes(lower)) return hour < 12 ? hour + 12 : hour;
  return hour;
}

function fraction(digits: string | undefined): number {
  if (digits === undefined) return 0;
  return Number(digits.slice(0, 3).padEnd(3, '0'));
}

/** The clock reading in the groups of a match of {@link CLOCK_SOURCE}, or null when absent or out of range. */
export function readClock(groups: Groups): Clock | null {
  if (groups.h === undefined) return null;
  const hour = adjustHour(Number(groups.h), groups.mark ?? groups.suffix);
  const clock: Clock = {
    hour,
    minute: Number(groups.mi ?? groups.cmi ?? '0'),
    second: Number(groups.s ?? groups.cs ?? '0'),
    millisecond: fraction(groups.ms),
  };
  const valid = clock.hour <= 23 && clock.minute <= 59 && clock.second <= 59;
  return valid ? clock : null;
}

/** True when the clock reading in the groups has seconds, which makes a bare `+0800` after it a zone. */
export function clockHasSeconds(groups: Groups): boolean {
  return groups.s !== undefined;
}
