import { Injectable } from '@nestjs/common';
import type { OutgoingMail } from './mailer';

/** What a template renders: a mail, without the outbox's routing fields. */
export type RenderedMail = Omit<OutgoingMail, 'dedupeKey' | 'priority'>;

/**
 * A mail the outbox keeps as values and renders when it is delivered (decision 0015).
 *
 * A rendered mail is 2–3 KB of text and HTML; the values it is made of are a few hundred bytes.
 * A writer on a hot path (filing a report) puts the values in the outbox row, and the worker
 * renders the mail off the request path: the request neither renders it nor sends, parses and
 * stores the rendered text, and the mail still exists exactly when the change commits.
 */
export interface MailTemplate {
  /** The payload's `template`: a promise to the rows already queued, never renamed. */
  readonly name: string;
  /** The mail for a queued payload; throws `InvalidMailValues` when the values cannot make one. */
  render(values: Readonly<Record<string, unknown>>): RenderedMail;
}

/** A queued payload whose values do not fit its template: delivering it later cannot help. */
export class InvalidMailValues extends Error {}

/** The templates of queued mails, registered by the features that write them (onModuleInit). */
@Injectable()
export class MailTemplates {
  private readonly templates = new Map<string, MailTemplate>();

  register(template: MailTemplate): void {
    if (this.templates.has(template.name)) throw new Error(`Mail template "${template.name}" is already registered`);
    this.templates.set(template.name, template);
  }

  /** The mail a payload names by `template`; throws `InvalidMailValues` for an unknown name or bad values. */
  render(name: string, values: Readonly<Record<string, unknown>>): RenderedMail {
    const template = this.templates.get(name);
    if (!template) throw new InvalidMailValues(`No mail template is called "${name}"`);
    return template.render(values);
  }
}

/** A string value of a payload, or `InvalidMailValues`. */
export function stringValue(values: Readonly<Record<string, unknown>>, key: string): string {
  const value = values[key];
  if (typeof value !== 'string') throw new InvalidMailValues(`The queued mail's "${key}" is not text`);
  return value;
}
