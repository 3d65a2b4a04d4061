import {
  REPORT_STATUSES,
  allowedTransitions,
  canTransition,
  isPublicStatus,
  toOpen311Status,
  type ReportStatus,
} from './report-status';

describe('report status machine', () => {
  it('keeps unconfirmed and hidden reports out of public view', () => {
    expect(REPORT_STATUSES.filter((s) => !isPublicStatus(s))).toEqual(['unconfirmed', 'hidden']);
  });

  it.each<[ReportStatus, 'open' | 'closed']>([
    ['confirmed', 'open'],
    ['investigating', 'open'],
    ['action_scheduled', 'open'],
    ['in_progress', 'open'],
    ['fixed', 'closed'],
    ['closed', 'closed'],
    ['duplicate', 'closed'],
    ['not_responsible', 'closed'],
    ['unable_to_fix', 'closed'],
    ['internal_referral', 'closed'],
  ])('maps %s to Open311 %s', (status, expected) => {
    expect(toOpen311Status(status)).toBe(expected);
  });

  it('lets moderation publish or hide an unconfirmed report, nothing else', () => {
    expect(allowedTransitions('unconfirmed')).toEqual(['confirmed', 'hidden']);
    expect(canTransition('unconfirmed', 'fixed')).toBe(false);
  });

  it('can hide from every status, and only unhide to confirmed', () => {
    for (const status of REPORT_STATUSES.filter((s) => s !== 'hidden')) expect(canTransition(status, 'hidden')).toBe(true);
    expect(allowedTransitions('hidden')).toEqual(['confirmed']);
  });

  it('moves work forward and allows reopening a closed case', () => {
    expect(canTransition('confirmed', 'investigating')).toBe(true);
    expect(canTransition('in_progress', 'fixed')).toBe(true);
    expect(canTransition('fixed', 'confirmed')).toBe(true);
    expect(canTransition('fixed', 'in_progress')).toBe(false);
    expect(canTransition('confirmed', 'confirmed')).toBe(false);
  });

  it('never allows a move to unconfirmed', () => {
    for (const status of REPORT_STATUSES) expect(canTransition(status, 'unconfirmed')).toBe(false);
  });
});
