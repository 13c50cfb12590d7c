/** The port report e-mail goes through: one message with its attachments to one recipient. */

/** A file attached to a report e-mail. */
export interface ReportAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

/** One report e-mail to one recipient. */
export interface ReportMailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments: ReportAttachment[];
}

/** Sends report e-mail; rejects when the server refuses or does not answer in time. */
export interface ReportMailer {
  send(message: ReportMailMessage): Promise<void>;
}
