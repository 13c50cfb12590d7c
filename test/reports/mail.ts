/**
 * Test helpers for report e-mail: a real SMTP server (smtp-server) on 127.0.0.1 that can refuse DATA a
 * number of times before accepting, and a small MIME reader that finds the attachments of a raw message
 * (file name with RFC 2231 parameters, content type, base64 body decoded to bytes).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decodeEncodedWords, headerOf } from '../alerts/receivers.js';

/** One mail the server accepted. */
export interface AcceptedMail {
  to: string[];
  raw: string;
}

/** A running SMTP server that refuses the next `refuse` messages with 451. */
export interface FlakySmtp {
  url: string;
  mails: AcceptedMail[];
  /** DATA commands refused so far. */
  refused: number;
  /** How many of the next messages to refuse (set it any time). */
  refuse: number;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1 without TLS or authentication. */
export async function startFlakySmtp(): Promise<FlakySmtp> {
  const state: FlakySmtp = {
    url: '',
    mails: [],
    refused: 0,
    refuse: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse > 0) {
          state.refuse -= 1;
          state.refused += 1;
          callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        state.mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}

/** One attachment of a message. */
export interface MailAttachment {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The decoded subject of a raw message. */
export function subjectOf(raw: string): string {
  return decodeEncodedWords(headerOf(raw, 'subject') ?? '');
}

/** The attachments of a raw multipart message (parts with Content-Disposition: attachment). */
export function attachmentsOf(raw: string): MailAttachment[] {
  return partsOf(raw).flatMap((part) => {
    const disposition = headerOf(part, 'content-disposition') ?? '';
    if (!disposition.toLowerCase().startsWith('attachment')) return [];
    const contentType = (headerOf(part, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
    const body = part
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n');
    return [
      {
        fileName: fileNameOf(disposition),
        contentType,
        bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64'),
      },
    ];
  });
}

/** The decoded text/plain body of a raw multipart message. */
export function plainTextOf(raw: string): string {
  const part = partsOf(raw).find((p) =>
    (headerOf(p, 'content-type') ?? '').toLowerCase().startsWith('text/plain'),
  );
  if (!part) return '';
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  const encoding = (headerOf(part, 'content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The parts of every multipart level, flattened. */
function partsOf(raw: string): string[] {
  const type = headerOf(raw, 'content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return [raw];
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\r\n\r\n');
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((part) => !part.startsWith('--'))
    .map((part) => part.replace(/^\r?\n/, ''))
    .flatMap((part) => partsOf(part));
}

/** `filename` of a Content-Disposition: plain, RFC 2047 words, or RFC 2231 (with continuations). */
function fileNameOf(disposition: string): string {
  const params = new Map<string, string>();
  for (const match of disposition.matchAll(/;\s*([\w*]+)=("([^"]*)"|[^;\s]+)/g)) {
    params.set((match[1] ?? '').toLowerCase(), match[3] ?? match[2] ?? '');
  }
  const plain = params.get('filename');
  if (plain !== undefined) return decodeEncodedWords(plain);
  const pieces: string[] = [];
  let encoded = false;
  for (let index = 0; ; index += 1) {
    const piece = params.get(`filename*${index}*`) ?? params.get(`filename*${index}`);
    if (piece === undefined) break;
    if (params.has(`filename*${index}*`)) encoded = true;
    pieces.push(piece);
  }
  const whole = params.get('filename*');
  const text = whole ?? pieces.join('');
  if (whole === undefined && !encoded) return text;
  return decodeURIComponent(text.replace(/^[\w-]*'[\w-]*'/, ''));
}
