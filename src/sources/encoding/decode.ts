/**
 * decodeBody: response bytes to text. A byte-order mark wins; then the charset the header declares, then
 * the one the document declares — but a declaration is only believed when the bytes decode cleanly under it
 * (UTF-8 declared on GBK bytes, or GBK declared on valid UTF-8 with Chinese, are both common); otherwise
 * the bytes are sniffed.
 */
import iconv from 'iconv-lite';
import { charsetDeclaredInDocument, charsetFromContentType } from './declared.js';
import { decodesCleanly, hasNonAscii, isValidUtf8, sniffCharset } from './sniff.js';

/** How a charset was chosen. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml' | 'sniff';

/** Decoded text, the charset used and how it was chosen. */
export interface DecodedBody {
  text: string;
  charset: string;
  detectedBy: CharsetSource;
}

/** Options of {@link decodeBody}. */
export interface DecodeOptions {
  /** Look for `<?xml encoding>` / `<meta charset>` in the document (default true; off for JSON). */
  declaredInDocument?: boolean;
}

const BOMS: readonly { bytes: readonly number[]; charset: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

function fromBom(body: Buffer): DecodedBody | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, index) => body[index] === byte)) {
      const text = iconv.decode(body.subarray(bom.bytes.length), bom.charset, { stripBOM: true });
      return { text, charset: bom.charset, detectedBy: 'bom' };
    }
  }
  return null;
}

function believable(body: Buffer, charset: string): boolean {
  if (charset !== 'utf-8' && hasNonAscii(body) && isValidUtf8(body)) return false;
  return decodesCleanly(body, charset);
}

/** Decodes `body` using its BOM, declarations and, when those fail, sniffing. Never throws. */
export function decodeBody(
  body: Buffer,
  contentType: string | null,
  options: DecodeOptions = {},
): DecodedBody {
  const bom = fromBom(body);
  if (bom) return bom;
  const declared: { charset: string; by: CharsetSource }[] = [];
  const header = charsetFromContentType(contentType);
  if (header) declared.push({ charset: header, by: 'header' });
  const inDocument = options.declaredInDocument === false ? null : charsetDeclaredInDocument(body);
  if (inDocument) declared.push(inDocument);
  const trusted = declared.find((candidate) => believable(body, candidate.charset));
  const charset = trusted?.charset ?? sniffCharset(body);
  return { text: iconv.decode(body, charset), charset, detectedBy: trusted?.by ?? 'sniff' };
}
