import { describe, expect, it } from '@jest/globals';
import { canModerateParticipation } from './permissions';

describe('canModerateParticipation', () => {
  it('lets community managers and admins moderate, not department staff or citizens', () => {
    expect(canModerateParticipation({ roles: ['community_manager'] })).toBe(true);
    expect(canModerateParticipation({ roles: ['admin'] })).toBe(true);
    expect(canModerateParticipation({ roles: ['department_staff'] })).toBe(false);
    expect(canModerateParticipation({ roles: ['citizen'] })).toBe(false);
  });
});
