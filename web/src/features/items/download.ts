/**
 * Downloading an export while showing progress: the answer's body is read chunk by chunk, counting bytes
 * and (for CSV) records, then handed to the browser as a file. A download that stalls for
 * {@link IDLE_TIMEOUT_MS} is abandoned. DOM use is limited to {@link saveFile}.
 */
import { ApiError, errorFromBody } from '../../api/client.js';
import { CsvRecordCounter } from './csv-count.js';

/** How long the download may go without a new chunk. */
export const IDLE_TIMEOUT_MS = 60_000;

/** Progress of a download. */
export interface DownloadProgress {
  bytes: number;
  /** CSV records after the header so far; null for formats that cannot be counted while streaming. */
  rows: number | null;
  /** The server's row limit of one export (from its header), when given. */
  limit: number | null;
}

/** A finished download. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  rows: number | null;
}

function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

async function readChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  controller: AbortController,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  const timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
  try {
    return await reader.read();
  } finally {
    clearTimeout(timer);
  }
}

/** Fetches `url` (same-origin, the session cookie authenticates it), reporting progress per chunk. */
export async function downloadWithProgress(
  url: string,
  format: 'csv' | 'xlsx',
  onProgress: (progress: DownloadProgress) => void,
): Promise<DownloadedFile> {
  const controller = new AbortController();
  const opening = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
  } catch {
    throw new ApiError('NETWORK', 0, 'the server could not be reached', '无法连接服务器');
  } finally {
    clearTimeout(opening);
  }
  if (!response.ok || !response.body) throw errorFromBody(response.status, await response.text());
  const limitHeader = Number(response.headers.get('x-export-limit'));
  const limit = Number.isFinite(limitHeader) && limitHeader > 0 ? limitHeader : null;
  const counter = format === 'csv' ? new CsvRecordCounter() : null;
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await readChunk(reader, controller);
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      counter?.push(decoder.decode(value, { stream: true }));
      onProgress({ bytes, rows: counter?.records ?? null, limit });
    }
  } catch {
    throw new ApiError('TIMEOUT', 0, 'the download stopped', '下载中断');
  }
  const fileName = fileNameOf(response.headers.get('content-disposition'), `items.${format}`);
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName, rows: counter?.records ?? null };
}

/** Hands `file` to the browser as a download. */
export function saveFile(file: DownloadedFile): void {
  const href = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
