/**
 * Syntax errors of the expression language: an EXPRESSION_SYNTAX AppError that names the position, what
 * was expected and what was found, and a caret line that shows the position under the expression.
 */
import { AppError } from '../../platform/errors.js';

/** What a syntax error reports besides its message. */
export interface SyntaxErrorDetail {
  position: number;
  expected?: string;
  found?: string;
}

/** Builds the EXPRESSION_SYNTAX error for `detail`; the message ends with the position. */
export function expressionSyntaxError(message: string, detail: SyntaxErrorDetail): AppError {
  return new AppError('EXPRESSION_SYNTAX', `${message} (at position ${detail.position})`, { ...detail });
}

/** How to print a character found at an error: quoted, or "the end of the expression". */
export function describeFound(text: string | undefined): string {
  return text === undefined || text === '' ? 'the end of the expression' : `"${text}"`;
}

/** Wide (CJK, full-width) characters take two terminal columns, so the caret must move two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width +=
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(
        char,
      )
        ? 2
        : 1;
  }
  return width;
}

/**
 * The expression on one line and a `^` under `position`, for command-line output and logs:
 *
 * ```
 * 北京+(腐败|
 *         ^
 * ```
 */
export function formatCaret(expression: string, position: number): string {
  const line = expression.replace(/[\r\n\t]/g, ' ');
  const clamped = Math.max(0, Math.min(position, line.length));
  return `${line}\n${' '.repeat(displayWidth(line.slice(0, clamped)))}^`;
}
