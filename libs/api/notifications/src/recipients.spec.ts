import { dedupeKey, recipientHash, selectRecipients, type Candidate } from './recipients';
import { followSubject, parseFollowSubject } from './unsubscribe-kinds';

const reporter: Candidate = { role: 'reporter', email: 'Lucia@Example.org', locale: 'en', userId: null, emailAllowed: true };
const follower = (userId: string, email: string, over: Partial<Candidate> = {}): Candidate => ({ role: 'follower', email, locale: 'es', userId, emailAllowed: true, ...over });

describe('selectRecipients', () => {
  it('keeps one entry per person, the reporter first, addresses lower-cased', () => {
    const chosen = selectRecipients([reporter, follower('a', 'ana@example.org'), follower('l', 'lucia@example.org')], { userId: null });
    expect(chosen).toEqual([
      { role: 'reporter', email: 'lucia@example.org', locale: 'en', userId: 'l', emailAllowed: true },
      { role: 'follower', email: 'ana@example.org', locale: 'es', userId: 'a', emailAllowed: true },
    ]);
  });

  it('never includes the actor, under any of their roles', () => {
    const chosen = selectRecipients([reporter, follower('l', 'lucia@example.org'), follower('a', 'ana@example.org')], { userId: 'l' });
    expect(chosen.map((r) => r.email)).toEqual(['ana@example.org']);
  });

  it('mails a reporter who turned the updates off but follows, under the follower’s role', () => {
    const chosen = selectRecipients([{ ...reporter, emailAllowed: false }, follower('l', 'lucia@example.org')], { userId: null });
    expect(chosen).toEqual([{ role: 'follower', email: 'lucia@example.org', locale: 'es', userId: 'l', emailAllowed: true }]);
  });

  it('keeps people who turned mail off (for the in-app notice) but marks them', () => {
    const chosen = selectRecipients([follower('a', 'ana@example.org', { emailAllowed: false })], { userId: null });
    expect(chosen).toEqual([expect.objectContaining({ userId: 'a', emailAllowed: false })]);
  });

  it('skips a reporter without an address (filed by phone)', () => {
    expect(selectRecipients([{ ...reporter, email: '  ' }], { userId: null })).toEqual([]);
  });
});

describe('dedupe keys', () => {
  it('name the event and the person, not their address, whatever the case of it', () => {
    expect(dedupeKey('report', '42', 'Ana@Example.org')).toBe(dedupeKey('report', '42', 'ana@example.org'));
    expect(dedupeKey('report', '42', 'ana@example.org')).toBe(`notify:report:42:${recipientHash('ana@example.org')}`);
    expect(dedupeKey('report', '42', 'ana@example.org')).not.toContain('ana');
    expect(dedupeKey('proposal', '42', 'ana@example.org')).not.toBe(dedupeKey('report', '42', 'ana@example.org'));
    expect(dedupeKey('report', '43', 'ana@example.org')).not.toBe(dedupeKey('report', '42', 'ana@example.org'));
  });
});

describe('follow unsubscribe subjects', () => {
  it('round-trip ids and refuse anything else', () => {
    const userId = '6f1c0d9e-3a52-4c2f-9a57-1b2f4c6d8e01';
    expect(parseFollowSubject(followSubject('report', '12', userId))).toEqual({ type: 'report', targetId: '12', userId });
    expect(parseFollowSubject(followSubject('proposal', '3', userId))).toEqual({ type: 'proposal', targetId: '3', userId });
    for (const bad of ['', 'comment:1:' + userId, 'report:x:' + userId, 'report:1:not-a-user', `report:1:${userId}:extra`]) {
      expect(parseFollowSubject(bad)).toBeNull();
    }
  });
});
