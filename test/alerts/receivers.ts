/**
 * Local receivers for the delivery tests: an HTTP server on 127.0.0.1 that records every request
 * (and can hold answers or answer errors), and a real SMTP server (smtp-server) that records mail.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One request the HTTP receiver got. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** How the receiver answers a request: status and body, or 'hold' (answer later with release()). */
export type Answer = { status: number; body: string } | 'hold';

/** A running HTTP receiver. */
export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Decides each answer; 200 `{"errcode":0}` unless set. */
  answer: (request: ReceivedRequest) => Answer;
  /** Answers every held request with 200. */
  release(): void;
  close(): Promise<void>;
}

/** Starts an HTTP receiver on a free port of 127.0.0.1. */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const held: ServerResponse[] = [];
  const receiver: HttpReceiver = {
    url: '',
    requests: [],
    answer: () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }),
    release() {
      for (const response of held.splice(0)) response.writeHead(200).end('{"errcode":0}');
    },
    close: async () => {
      receiver.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = {
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      receiver.requests.push(received);
      const answer = receiver.answer(received);
      if (answer === 'hold') held.push(response);
      else response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

/** One mail the SMTP server got. */
export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A running SMTP server. */
export interface SmtpReceiver {
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts an SMTP server without TLS or authentication on a free port of 127.0.0.1. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) of a header value. */
export function decodeEncodedWords(value: string): string {
  const unfolded = value.replace(/\?=\s+=\?/g, '?==?');
  return unfolded.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** The value of a header in a raw message (folded lines joined). */
export function headerOf(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}
