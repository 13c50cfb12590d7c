/**
 * Where a response says what its charset is: the Content-Type header, an XML declaration, or an HTML
 * `<meta charset>` / `<meta http-equiv="Content-Type" content="…; charset=…">` near the top of the document.
 */
import { normalizeCharset } from './labels.js';

/** How many leading bytes are searched for an in-document declaration. */
const PRESCAN_BYTES = 4096;

/** The charset named by a Content-Type header value, normalised; null when none or unknown. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return normalizeCharset(match?.[1]);
}

/** A charset the document declares about itself. */
export interface DocumentDeclaration {
  charset: string;
  by: 'meta' | 'xml';
}

/** The charset the document's first bytes declare (XML declaration first, then HTML meta), or null. */
export function charsetDeclaredInDocument(body: Buffer): DocumentDeclaration | null {
  const head = body.subarray(0, PRESCAN_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  const fromXml = normalizeCharset(xml?.[1]);
  if (fromXml) return { charset: fromXml, by: 'xml' };
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    const charset = normalizeCharset(direct?.[1]);
    if (charset) return { charset, by: 'meta' };
  }
  return null;
}
