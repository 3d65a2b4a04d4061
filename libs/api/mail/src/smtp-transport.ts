import { PermanentDeliveryError, type OutboxDelivery } from '@plaza/api/outbox';
import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailTransport } from './mail-transport';
import type { OutgoingMail } from './mailer';

export interface SmtpSettings {
  url: string;
  /** `Name <address>` or an address. */
  from: string;
  /** Domain of the Message-IDs (PUBLIC_URL's host). */
  messageIdDomain: string;
  /** Turns an unsubscribe page URL into its RFC 8058 one-click POST URL. */
  oneClickUrl: (pageUrl: string) => string;
  /** The outbox worker's deliveries in flight (OUTBOX_CONCURRENCY): one pooled connection each. */
  connections: number;
}

/**
 * Delivers through the SMTP server in SMTP_URL. The Message-ID is derived from the outbox message,
 * so a retry after an unrecorded success carries the same id and receivers can drop the copy.
 */
export class SmtpTransport implements MailTransport {
  readonly name = 'smtp' as const;
  readonly local = false;
  private readonly transporter: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    this.transporter = nodemailer.createTransport({
      url: settings.url,
      // Pooled by default: a connection (and its TLS handshake) serves many mails instead of one,
      // one per delivery the worker has in flight. SMTP_URL's own query options win (`?pool=false`,
      // `?maxConnections=4` for a relay that accepts fewer).
      pool: true,
      maxConnections: settings.connections,
      maxMessages: 1_000,
      // Bounded, so a hung server never outlives the worker's lease (5 minutes).
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async deliver(mail: OutgoingMail, delivery: OutboxDelivery): Promise<string> {
    const messageId = `<outbox-${delivery.id}@${this.settings.messageIdDomain}>`;
    const headers: Record<string, string> = {};
    if (mail.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${this.settings.oneClickUrl(mail.unsubscribeUrl)}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    // Built into one buffer first, then handed over whole: streamed, nodemailer writes the message
    // to the socket in dozens of small pieces, and those writes were most of a delivery's CPU.
    const message = new MailComposer({
      from: this.settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      messageId,
      headers: { ...headers, 'Content-Language': mail.locale },
    }).compile();
    try {
      const raw = await message.build();
      await this.transporter.sendMail({ envelope: message.getEnvelope(), raw });
    } catch (error) {
      throw classify(error);
    }
    return messageId;
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/**
 * A recipient the server refuses for good (5xx on RCPT TO: no such mailbox) will never be
 * delivered; everything else (connection refused, 4xx, authentication) may heal, so it is retried.
 */
function classify(error: unknown): Error {
  const e = error as { responseCode?: number; command?: string; message?: string };
  const message = e?.message ?? String(error);
  if (e?.command === 'RCPT TO' && typeof e.responseCode === 'number' && e.responseCode >= 500) {
    return new PermanentDeliveryError(`Recipient refused: ${message}`);
  }
  return error instanceof Error ? error : new Error(message);
}
