/**
 * The text encoding of an import file: UTF-8 (a BOM is dropped) unless the first bytes are not valid UTF-8,
 * in which case they are sniffed (spreadsheets saved by Chinese Excel are usually GB18030).
 */
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { isValidUtf8, sniffCharset } from '../../encoding/sniff.js';

/** The charset of a file that starts with `firstBytes`. */
export function fileCharset(firstBytes: Buffer): string {
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) return 'utf-8';
  for (let cut = 0; cut < 4 && cut < firstBytes.length; cut += 1) {
    if (isValidUtf8(firstBytes.subarray(0, firstBytes.length - cut))) return 'utf-8';
  }
  return sniffCharset(firstBytes);
}

/** `bytes` decoded as `charset` text, BOM removed. */
export function decodeStream(bytes: Readable, charset: string): Readable {
  const decoder = iconv.decodeStream(charset, { stripBOM: true });
  bytes.on('error', (error) => decoder.emit('error', error));
  return Readable.from(bytes.pipe(decoder), { objectMode: true });
}
