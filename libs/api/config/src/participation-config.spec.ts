import { readParticipationConfig } from './participation-config';

describe('participation thresholds', () => {
  it('defaults to 100 supports, a 15-minute edit window and 3 flaggers', () => {
    const problems: string[] = [];
    expect(readParticipationConfig({}, problems).participation).toEqual({
      proposalSupportThreshold: 100,
      commentEditMinutes: 15,
      flagHideThreshold: 3,
    });
    expect(problems).toEqual([]);
  });

  it('reads whole numbers and names every bad value', () => {
    const problems: string[] = [];
    const { participation } = readParticipationConfig(
      { PROPOSAL_SUPPORT_THRESHOLD: '250', COMMENT_EDIT_MINUTES: '0', FLAG_HIDE_THRESHOLD: 'many' },
      problems,
    );
    expect(participation).toMatchObject({ proposalSupportThreshold: 250, commentEditMinutes: 0, flagHideThreshold: 3 });
    expect(problems).toEqual([expect.stringContaining('FLAG_HIDE_THRESHOLD')]);
    const more: string[] = [];
    readParticipationConfig({ PROPOSAL_SUPPORT_THRESHOLD: '0', FLAG_HIDE_THRESHOLD: '1.5' }, more);
    expect(more).toHaveLength(2);
  });
});
