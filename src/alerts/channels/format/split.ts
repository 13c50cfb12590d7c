/**
 * Splits a long message into numbered parts that each fit a platform's limit (pure). Parts break between
 * lines; a single line longer than the room left is cut between code points. Every part carries the
 * title and its number, e.g. `【红色预警】标题（2/3）`.
 */

/** How a platform measures length: UTF-8 bytes (企业微信, 钉钉, 飞书) or characters (Slack). */
export type Measure = (text: string) => number;

/** UTF-8 byte length. */
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');

/** Length in code points. */
export const codePoints: Measure = (text) => Array.from(text).length;

/** One part of a split message. */
export interface MessagePart {
  /** The title with the part number when there are several parts. */
  title: string;
  body: string;
}

/** Room reserved for the widest part number, `（99/99）`. */
const NUMBER_RESERVE = '（99/99）';

/** Cuts `line` into pieces of at most `room` by `measure`, between code points. */
function cutLine(line: string, room: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const point of line) {
    if (current !== '' && measure(current + point) > room) {
      pieces.push(current);
      current = '';
    }
    current += point;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Splits `lines` under `title` so that `render(title, body)` of every part measures at most `limit`.
 * `render` is how the platform joins title and body (its overhead is measured on an empty body).
 */
export function splitMessage(
  title: string,
  lines: readonly string[],
  limit: number,
  measure: Measure,
  render: (title: string, body: string) => string = (t, b) => `${t}\n${b}`,
): MessagePart[] {
  const room = limit - measure(render(title + NUMBER_RESERVE, ''));
  if (room < 16) throw new RangeError(`the limit ${limit} leaves no room for a message body`);
  const bodies: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current !== '') bodies.push(current);
    current = '';
  };
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (measure(joined) <= room) {
      current = joined;
      continue;
    }
    flush();
    if (measure(line) <= room) {
      current = line;
      continue;
    }
    const pieces = cutLine(line, room, measure);
    bodies.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1] ?? '';
  }
  flush();
  if (bodies.length === 0) bodies.push('');
  if (bodies.length === 1) return [{ title, body: bodies[0] ?? '' }];
  return bodies.map((body, index) => ({ title: `${title}（${index + 1}/${bodies.length}）`, body }));
}
