/**
 * The text normalisation of the sentiment model: NFKC, lower case, whitespace runs → one space, trimmed.
 * Typical Chinese text (CJK ideographs, ASCII, full-width ASCII forms, common CJK punctuation) takes a
 * fast path that gives exactly what the general path gives, without going through ICU and two regular
 * expressions; anything else takes the general path.
 */

const WHITESPACE = /\s+/gu;
const CODES = new Uint16Array(4096);
const DECODER = new TextDecoder('utf-16le');

/** The general path: what the model was defined on. */
export function normalizeSlow(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(WHITESPACE, ' ').trim();
}

/** Whether `code` is left as it is by NFKC and toLowerCase and is not whitespace. */
function isStable(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code > 0x20 && code < 0x7f && (code < 0x41 || code > 0x5a)) ||
    code === 0x3001 ||
    code === 0x3002 ||
    (code >= 0x3008 && code <= 0x3011) ||
    (code >= 0x2018 && code <= 0x201d && code !== 0x201a && code !== 0x201b) ||
    code === 0x2014 ||
    code === 0xb7
  );
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** Normalises `text` for the sentiment model (same result as normalizeSlow, faster for common text). */
export function normalizeText(text: string): string {
  if (text.length > CODES.length) return normalizeSlow(text);
  let length = 0;
  let changed = false;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (isAsciiSpace(code)) {
      if (code !== 0x20 || pendingSpace || length === 0) changed = true;
      pendingSpace = true;
      continue;
    }
    if (!isStable(code)) {
      if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
      else if (!(code >= 0x41 && code <= 0x5a)) return normalizeSlow(text);
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      changed = true;
    }
    if (pendingSpace && length > 0) CODES[length++] = 0x20;
    pendingSpace = false;
    CODES[length++] = code;
  }
  if (pendingSpace) changed = true;
  if (!changed) return text;
  return DECODER.decode(CODES.subarray(0, length));
}
