import { REPORT_STATUSES } from '@plaza/shared/contracts';
import { EXTENDED_STATUS_OF, statusWriterFor } from './open311-status';
import { Open311Error } from './open311.errors';

describe('Open311 statuses', () => {
  it('writes open/closed unless the client asks for the extended set', () => {
    expect(statusWriterFor({})('not_responsible')).toBe('closed');
    expect(statusWriterFor({ extended_statuses: 'false' })('in_progress')).toBe('open');
    expect(statusWriterFor({ extended_statuses: '' })('fixed')).toBe('closed');
  });

  it("maps every Plaza status onto mySociety's extended set", () => {
    const write = statusWriterFor({ extended_statuses: 'true' });
    expect(REPORT_STATUSES.map(write)).toEqual([
      'open',
      'open',
      'investigating',
      'action_scheduled',
      'in_progress',
      'fixed',
      'closed',
      'duplicate',
      'not_councils_responsibility',
      'no_further_action',
      'internal_referral',
      'closed',
    ]);
    expect(Object.keys(EXTENDED_STATUS_OF)).toHaveLength(REPORT_STATUSES.length);
    expect(statusWriterFor({ extended_statuses: '1' })('duplicate')).toBe('duplicate');
  });

  it('refuses a value that is neither true nor false', () => {
    expect(() => statusWriterFor({ extended_statuses: 'maybe' })).toThrow(Open311Error);
    expect(() => statusWriterFor({ extended_statuses: ['true', 'false'] })).toThrow(Open311Error);
  });
});
