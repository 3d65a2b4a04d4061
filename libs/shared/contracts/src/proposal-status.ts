import { PROPOSAL_STATUSES, type ProposalOutcome, type ProposalStatus } from './proposals';

/**
 * Who moves a proposal: its author, the system (the support threshold), the community manager,
 * the staff of the responsible department, or moderation (hiding).
 */
export type ProposalActor = 'author' | 'system' | 'community_manager' | 'department_staff' | 'moderation';

const STAFF: readonly ProposalActor[] = ['community_manager', 'department_staff'];

/**
 * The lifecycle: published → under_evaluation (threshold or community manager) → an outcome with
 * an official answer → in_execution → completed. The author may withdraw while nothing is
 * decided; moderation may hide from anywhere, and only moderation brings a hidden proposal back
 * (to the status it had, see `restoredStatus`).
 */
const TRANSITIONS: Record<ProposalStatus, Partial<Record<ProposalStatus, readonly ProposalActor[]>>> = {
  published: { under_evaluation: ['system', 'community_manager'], withdrawn: ['author'], hidden: ['moderation'] },
  under_evaluation: {
    accepted: STAFF,
    partially_accepted: STAFF,
    rejected: STAFF,
    withdrawn: ['author'],
    hidden: ['moderation'],
  },
  accepted: { in_execution: STAFF, hidden: ['moderation'] },
  partially_accepted: { in_execution: STAFF, hidden: ['moderation'] },
  rejected: { hidden: ['moderation'] },
  in_execution: { completed: STAFF, hidden: ['moderation'] },
  completed: { hidden: ['moderation'] },
  withdrawn: { hidden: ['moderation'] },
  hidden: {},
};

const OUTCOMES: ReadonlySet<ProposalStatus> = new Set<ProposalStatus>(['accepted', 'partially_accepted', 'rejected']);

/** Statuses in which citizens may still add or withdraw supports. */
const SUPPORTABLE: ReadonlySet<ProposalStatus> = new Set<ProposalStatus>(['published', 'under_evaluation']);

export type ProposalTransitionCheck =
  | { ok: true; requiresAnswer: boolean }
  | { ok: false; reason: 'not_allowed' | 'not_your_move' };

export function isProposalStatus(value: unknown): value is ProposalStatus {
  return typeof value === 'string' && (PROPOSAL_STATUSES as readonly string[]).includes(value);
}

export function isProposalOutcome(status: ProposalStatus): status is ProposalOutcome {
  return OUTCOMES.has(status);
}

/** Where a proposal may go next, whoever moves it. */
export function nextProposalStatuses(from: ProposalStatus): ProposalStatus[] {
  return Object.keys(TRANSITIONS[from]) as ProposalStatus[];
}

/**
 * Whether `actor` may move a proposal from `from` to `to`. `not_allowed`: the lifecycle has no
 * such move; `not_your_move`: it exists, but someone else makes it. Outcomes require an official
 * answer, which the caller must record in the same transaction.
 */
export function checkProposalTransition(
  from: ProposalStatus,
  to: ProposalStatus,
  actor: ProposalActor,
): ProposalTransitionCheck {
  const actors = TRANSITIONS[from][to];
  if (!actors) return { ok: false, reason: 'not_allowed' };
  if (!actors.includes(actor)) return { ok: false, reason: 'not_your_move' };
  return { ok: true, requiresAnswer: OUTCOMES.has(to) };
}

/** Whether the support count may change (and, from published, cross the threshold). */
export function acceptsSupports(status: ProposalStatus): boolean {
  return SUPPORTABLE.has(status);
}

/** Whether a support that brings the count to `supports` moves the proposal to evaluation. */
export function reachesEvaluation(status: ProposalStatus, supports: number, threshold: number): boolean {
  return status === 'published' && supports >= threshold;
}

/** Moderation lifting a hide restores the status the proposal had; never `hidden` itself. */
export function restoredStatus(before: ProposalStatus | null): ProposalStatus {
  return before && before !== 'hidden' ? before : 'published';
}

/** Hidden proposals are replaced by a placeholder; every other status is public. */
export function isPublicProposalStatus(status: ProposalStatus): boolean {
  return status !== 'hidden';
}
