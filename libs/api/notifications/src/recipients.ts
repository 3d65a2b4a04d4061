import { createHash } from 'node:crypto';

/** Why someone hears about a report or proposal; decides the mail's wording and its unsubscribe link. */
export type RecipientRole = 'reporter' | 'author' | 'follower';

/** One way a person is connected to the item, as read from the database. */
export interface Candidate {
  role: RecipientRole;
  email: string;
  locale: string;
  /** Their account, when they have one (followers and authors always; reporters when the email matches). */
  userId: string | null;
  /** False when this person turned these mails off (per item, or the account-wide switch). */
  emailAllowed: boolean;
}

/** One person to tell, once, whatever the number of ways they are connected. */
export interface Recipient {
  /** The role the mail is written for (and whose link stops it): the first one that still wants mail. */
  role: RecipientRole;
  email: string;
  locale: string;
  userId: string | null;
  emailAllowed: boolean;
}

/**
 * One entry per person (same account or same address, whatever the case), never the person who
 * made the change, in the order given (the reporter or author first, then followers). A person who
 * turned off the reporter's updates but also follows the report still gets the follower's mail:
 * following is a choice made after, and its own link stops it.
 */
export function selectRecipients(candidates: readonly Candidate[], actor: { userId: string | null }): Recipient[] {
  const people: Array<{ keys: Set<string>; roles: Candidate[] }> = [];
  for (const candidate of candidates) {
    const email = candidate.email.trim().toLowerCase();
    if (!email) continue;
    const keys = [`e:${email}`, ...(candidate.userId ? [`u:${candidate.userId}`] : [])];
    const person = people.find((p) => keys.some((k) => p.keys.has(k)));
    if (person) {
      keys.forEach((k) => person.keys.add(k));
      person.roles.push({ ...candidate, email });
    } else {
      people.push({ keys: new Set(keys), roles: [{ ...candidate, email }] });
    }
  }
  // Merged first, so the actor is left out under every role, even one known only by address.
  return people
    .filter((p) => !(actor.userId && p.keys.has(`u:${actor.userId}`)))
    .map(({ roles }) => {
      const chosen = roles.find((r) => r.emailAllowed) ?? roles[0]!;
      const userId = roles.find((r) => r.userId)?.userId ?? null;
      return { role: chosen.role, email: chosen.email, locale: chosen.locale, userId, emailAllowed: chosen.emailAllowed };
    });
}

/** Names the recipient in a dedupe key without putting their address in the outbox's keys. */
export function recipientHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 24);
}

/** `notify:{report|proposal}:{eventId}:{recipientHash}`: one event, one mail per person, ever. */
export function dedupeKey(type: 'report' | 'proposal', eventId: string, email: string): string {
  return `notify:${type}:${eventId}:${recipientHash(email)}`;
}
