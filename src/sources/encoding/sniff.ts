/**
 * Guessing a charset from the bytes alone. Valid UTF-8 with non-ASCII bytes is UTF-8 (legacy CJK text is
 * almost never valid UTF-8 by accident). Otherwise chardet ranks the candidates; Chinese encodings come first
 * (ties go to GB18030), and the first candidate that decodes without replacement characters wins.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { normalizeCharset } from './labels.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when `bytes` are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** True when `bytes` hold at least one byte outside ASCII. */
export function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

/** True when decoding `bytes` as `charset` gives text without replacement or C1 control characters. */
export function decodesCleanly(bytes: Buffer, charset: string): boolean {
  if (charset === 'utf-8') return isValidUtf8(bytes);
  const text = iconv.decode(bytes, charset);
  return !/[\uFFFD\u0080-\u009F]/u.test(text);
}

interface Candidate {
  charset: string;
  confidence: number;
  chinese: boolean;
}

function rank(a: Candidate, b: Candidate): number {
  if (a.chinese !== b.chinese) return a.chinese ? -1 : 1;
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  if (a.charset === 'gb18030') return -1;
  return b.charset === 'gb18030' ? 1 : 0;
}

/** The most likely charset of `bytes` (a decoder name); UTF-8 when nothing better is found. */
export function sniffCharset(bytes: Buffer): string {
  if (!hasNonAscii(bytes) || isValidUtf8(bytes)) return 'utf-8';
  const candidates: Candidate[] = [];
  for (const match of chardet.analyse(bytes)) {
    const charset = normalizeCharset(match.name);
    if (!charset || candidates.some((c) => c.charset === charset)) continue;
    candidates.push({ charset, confidence: match.confidence, chinese: match.lang === 'zh' });
  }
  for (const fallback of ['gb18030', 'big5']) {
    if (!candidates.some((c) => c.charset === fallback)) {
      candidates.push({ charset: fallback, confidence: 0, chinese: true });
    }
  }
  candidates.sort(rank);
  return candidates.find((c) => decodesCleanly(bytes, c.charset))?.charset ?? 'gb18030';
}
