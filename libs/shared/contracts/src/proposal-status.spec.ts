import {
  acceptsSupports,
  checkProposalTransition,
  isProposalStatus,
  nextProposalStatuses,
  reachesEvaluation,
  restoredStatus,
  type ProposalActor,
} from './proposal-status';
import { PROPOSAL_STATUSES, type ProposalStatus } from './proposals';

describe('proposal lifecycle', () => {
  it('follows published → under_evaluation → outcome → in_execution → completed', () => {
    expect(checkProposalTransition('published', 'under_evaluation', 'system')).toEqual({ ok: true, requiresAnswer: false });
    expect(checkProposalTransition('published', 'under_evaluation', 'community_manager').ok).toBe(true);
    expect(checkProposalTransition('under_evaluation', 'accepted', 'department_staff')).toEqual({ ok: true, requiresAnswer: true });
    expect(checkProposalTransition('accepted', 'in_execution', 'department_staff')).toEqual({ ok: true, requiresAnswer: false });
    expect(checkProposalTransition('in_execution', 'completed', 'community_manager').ok).toBe(true);
  });

  it.each<ProposalStatus>(['accepted', 'partially_accepted', 'rejected'])('requires an official answer for %s', (outcome) => {
    expect(checkProposalTransition('under_evaluation', outcome, 'department_staff')).toEqual({ ok: true, requiresAnswer: true });
  });

  it('refuses skipping evaluation, answering twice and reopening', () => {
    expect(checkProposalTransition('published', 'accepted', 'community_manager')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(checkProposalTransition('accepted', 'rejected', 'community_manager')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(checkProposalTransition('rejected', 'in_execution', 'department_staff')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(checkProposalTransition('completed', 'published', 'community_manager')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(checkProposalTransition('under_evaluation', 'under_evaluation', 'system')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('leaves each move to its actor', () => {
    expect(checkProposalTransition('published', 'under_evaluation', 'department_staff')).toEqual({ ok: false, reason: 'not_your_move' });
    expect(checkProposalTransition('published', 'under_evaluation', 'author')).toEqual({ ok: false, reason: 'not_your_move' });
    expect(checkProposalTransition('under_evaluation', 'accepted', 'system')).toEqual({ ok: false, reason: 'not_your_move' });
    expect(checkProposalTransition('published', 'withdrawn', 'community_manager')).toEqual({ ok: false, reason: 'not_your_move' });
    expect(checkProposalTransition('published', 'hidden', 'community_manager')).toEqual({ ok: false, reason: 'not_your_move' });
  });

  it('lets the author withdraw only before a decision', () => {
    const withdrawable = PROPOSAL_STATUSES.filter((s) => checkProposalTransition(s, 'withdrawn', 'author').ok);
    expect(withdrawable).toEqual(['published', 'under_evaluation']);
  });

  it('lets moderation hide from every status but hidden, and nobody leave hidden through a transition', () => {
    const actors: ProposalActor[] = ['author', 'system', 'community_manager', 'department_staff', 'moderation'];
    for (const status of PROPOSAL_STATUSES) {
      expect({ status, ok: checkProposalTransition(status, 'hidden', 'moderation').ok }).toEqual({ status, ok: status !== 'hidden' });
    }
    expect(nextProposalStatuses('hidden')).toEqual([]);
    for (const actor of actors) expect(checkProposalTransition('hidden', 'published', actor).ok).toBe(false);
    expect(restoredStatus('under_evaluation')).toBe('under_evaluation');
    expect(restoredStatus(null)).toBe('published');
    expect(restoredStatus('hidden')).toBe('published');
  });

  it('moves to evaluation exactly when a published proposal reaches the threshold', () => {
    expect(reachesEvaluation('published', 9, 10)).toBe(false);
    expect(reachesEvaluation('published', 10, 10)).toBe(true);
    expect(reachesEvaluation('under_evaluation', 11, 10)).toBe(false);
    expect(reachesEvaluation('withdrawn', 50, 10)).toBe(false);
  });

  it('accepts supports only while the proposal is collecting them', () => {
    expect(PROPOSAL_STATUSES.filter(acceptsSupports)).toEqual(['published', 'under_evaluation']);
  });

  it('recognises statuses', () => {
    expect(isProposalStatus('in_execution')).toBe(true);
    expect(isProposalStatus('open')).toBe(false);
    expect(isProposalStatus('toString')).toBe(false);
  });
});
