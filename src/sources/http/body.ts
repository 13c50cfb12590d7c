/**
 * Reading a response body within the size limit: refused early when Content-Length is already too large,
 * counted while streaming otherwise, and counted again after gzip/deflate/br decompression (so a small
 * compressed bomb cannot grow past the limit either).
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from '../../platform/errors.js';

/** A streamed body as undici hands it out. */
export interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** The Accept-Encoding the client sends: exactly what {@link decompress} undoes. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Reads `body` to the end, refusing more than `maxBytes` (FETCH_TOO_LARGE). */
export async function readLimited(
  body: BodyStream,
  maxBytes: number,
  declaredLength: string | undefined,
  url: string,
): Promise<Buffer> {
  const declared = declaredLength === undefined ? Number.NaN : Number(declaredLength);
  if (declared > maxBytes) {
    body.destroy();
    throw tooLarge(url, maxBytes, `Content-Length ${declared}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge(url, maxBytes, 'the body');
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks, total);
}

/** Undoes the Content-Encoding (a list, applied in order), keeping the result within `maxBytes`. */
export async function decompress(
  raw: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let body = raw;
  for (const coding of codings.reverse()) {
    if (body.byteLength === 0) return body;
    body = await decodeOne(body, coding, maxBytes, url);
  }
  return body;
}

async function decodeOne(input: Buffer, coding: string, maxBytes: number, url: string): Promise<Buffer> {
  const lenient = { maxOutputLength: maxBytes, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  try {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return await gunzip(input, lenient);
      case 'deflate':
        return await (hasZlibHeader(input) ? inflate(input, lenient) : inflateRaw(input, lenient));
      case 'br':
        return await brotli(input, {
          maxOutputLength: maxBytes,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      default:
        throw new AppError('FETCH_FAILED', `${url}: unsupported Content-Encoding "${coding}"`, {
          url,
          coding,
        });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isBufferTooLarge(error)) throw tooLarge(url, maxBytes, `the ${coding}-decoded body`);
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('FETCH_FAILED', `${url}: cannot decode the ${coding} body: ${message}`, {
      url,
      coding,
    });
  }
}

/** Deflate bodies come zlib-wrapped (RFC 9110) or, from some servers, raw: the header tells them apart. */
function hasZlibHeader(input: Buffer): boolean {
  const first = input[0];
  const second = input[1];
  if (first === undefined || second === undefined) return false;
  return (first & 0x0f) === 8 && (first * 256 + second) % 31 === 0;
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

function tooLarge(url: string, maxBytes: number, what: string): AppError {
  return new AppError('FETCH_TOO_LARGE', `${url}: ${what} exceeds the limit of ${maxBytes} bytes`, {
    url,
    maxBytes,
  });
}
