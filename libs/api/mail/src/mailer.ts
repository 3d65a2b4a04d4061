import type { EntityManager } from 'typeorm';

/** One message, already written in the recipient's language. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  locale: string;
  /**
   * Names the event this mail tells about (e.g. `proposal-answer:<id>:<userId>`): a second send
   * with the same key is dropped, so one event never yields two mails. Unset: every send is new.
   */
  dedupeKey?: string;
  /** Signed link from `UnsubscribeLinks.url()`; SMTP delivery adds the RFC 8058 one-click headers. */
  unsubscribeUrl?: string;
  /**
   * `urgent` for mail someone waits for (sign-in links), `bulk` for confirmations any visitor can
   * cause; `normal` when unset. The outbox delivers higher priorities first.
   */
  priority?: 'urgent' | 'normal' | 'bulk';
}

/**
 * Where every email Plaza sends goes through. Pass the transaction's manager when the mail
 * belongs to a change (a new account, a sign-in link): it is queued in the outbox only if the
 * change commits, and delivered afterwards by the outbox worker. Never call it with the
 * DataSource while a transaction is open on the embedded database: its single connection is busy.
 */
export interface Mailer {
  send(mail: OutgoingMail, manager?: EntityManager): Promise<void>;
}

/** DI token for the Mailer. */
export const MAILER = Symbol('MAILER');
