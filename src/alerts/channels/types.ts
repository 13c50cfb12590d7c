/**
 * The channel registry's contracts: a driver per channel kind validates its configuration, formats an
 * alert for its platform and sends it through an injected transport. Transports are the only I/O, so
 * formatting stays pure and tests can swap them for real local servers.
 */
import type { z } from 'zod';
import type { Alert, ChannelKind } from '../../domain/index.js';

/** An HTTP answer as drivers judge it. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** Posts a body to a URL with a timeout (built on undici). Throws on network errors and timeouts. */
export interface HttpPoster {
  post(url: string, body: string, headers: Record<string, string>): Promise<HttpAnswer>;
}

/** One e-mail as the SMTP transport sends it. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Sends e-mail (built on nodemailer). Throws when the server refuses or times out. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** What a driver sends: the alert, the delivery it belongs to and who it is for. */
export interface SendContext {
  alert: Alert;
  /** Travels with every message so receivers deduplicate. */
  deliveryId: string;
  /** The per-person target (an e-mail address); null for a channel-wide message. */
  recipient: string | null;
  /** Epoch ms of the send (signatures carry it). */
  now: number;
  /** Local times in messages are shown in this IANA zone. */
  timeZone: string;
}

/** A channel kind: its configuration schema, which fields are secret, and how it sends. */
export interface ChannelDriver<C = unknown> {
  kind: ChannelKind;
  schema: z.ZodType<C>;
  /** Configuration fields the API never shows (URLs that embed a token count as secrets). */
  secretFields: readonly string[];
  send(config: C, context: SendContext): Promise<void>;
}
