import { describe, expect, it } from '@jest/globals';
import { publicPathOf } from './participation-api';
import { canModerateParticipation } from './permissions';

describe('publicPathOf', () => {
  it('links proposals by id and reports by ref, escaping what needs it', () => {
    expect(publicPathOf('proposal', '42')).toBe('/proposals/42');
    expect(publicPathOf('report', 'MAD-2026/07')).toBe('/reports/MAD-2026%2F07');
  });

  it('gives comments no link: the queue does not say which thread they belong to', () => {
    expect(publicPathOf('comment', '7')).toBeNull();
  });
});

describe('canModerateParticipation', () => {
  it('lets community managers and admins moderate, not department staff or citizens', () => {
    expect(canModerateParticipation({ roles: ['community_manager'] })).toBe(true);
    expect(canModerateParticipation({ roles: ['admin'] })).toBe(true);
    expect(canModerateParticipation({ roles: ['department_staff'] })).toBe(false);
    expect(canModerateParticipation({ roles: ['citizen'] })).toBe(false);
  });
});
