import { describe, expect, it } from '@jest/globals';
import { canFileOnBehalf, canManageTemplates, canModerateParticipation, queuesFor } from './permissions';

describe('canModerateParticipation', () => {
  it('lets community managers and admins moderate, not department staff or citizens', () => {
    expect(canModerateParticipation({ roles: ['community_manager'] })).toBe(true);
    expect(canModerateParticipation({ roles: ['admin'] })).toBe(true);
    expect(canModerateParticipation({ roles: ['department_staff'] })).toBe(false);
    expect(canModerateParticipation({ roles: ['citizen'] })).toBe(false);
  });
});

describe('what the console offers each role (issue 16 item 10)', () => {
  it('lets community managers manage templates and file on behalf; not department staff', () => {
    expect(canManageTemplates({ roles: ['community_manager'] })).toBe(true);
    expect(canManageTemplates({ roles: ['department_staff'] })).toBe(false);
    expect(canFileOnBehalf({ roles: ['admin'] })).toBe(true);
    expect(canFileOnBehalf({ roles: ['department_staff'] })).toBe(false);
  });

  it('keeps the community managers’ queues from department staff', () => {
    expect(queuesFor({ roles: ['community_manager'] })).toContain('moderation');
    expect(queuesFor({ roles: ['department_staff'] })).toEqual(['overdue', 'all']);
  });
});
