import type { EntityManager } from 'typeorm';

/** One message, already written in the recipient's language. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  locale: string;
}

/**
 * Where every email Plaza sends goes through. Pass the transaction's manager when the mail
 * belongs to a change (a new account, a sign-in link): it is then kept, or queued, only if the
 * change commits. Never call it with the DataSource while a transaction is open on the embedded
 * database: its single connection is busy.
 */
export interface Mailer {
  send(mail: OutgoingMail, manager?: EntityManager): Promise<void>;
}

/** DI token for the Mailer. The notifications feature swaps the implementation behind it. */
export const MAILER = Symbol('MAILER');
