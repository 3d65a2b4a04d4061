type Env = Record<string, string | undefined>;

/** Thresholds of proposals and discussion (docs/proposals.md). */
export interface ParticipationConfig {
  /** Supports that move a published proposal to evaluation (PROPOSAL_SUPPORT_THRESHOLD, default 100). */
  proposalSupportThreshold: number;
  /** Minutes during which an author may edit their comment (COMMENT_EDIT_MINUTES, default 15). */
  commentEditMinutes: number;
  /** Distinct users whose flags hide content until a moderator reviews it (FLAG_HIDE_THRESHOLD, default 3). */
  flagHideThreshold: number;
}

export function readParticipationConfig(env: Env, problems: string[]): { participation: ParticipationConfig } {
  return {
    participation: {
      proposalSupportThreshold: readCount(env, 'PROPOSAL_SUPPORT_THRESHOLD', 100, 1, problems),
      commentEditMinutes: readCount(env, 'COMMENT_EDIT_MINUTES', 15, 0, problems),
      flagHideThreshold: readCount(env, 'FLAG_HIDE_THRESHOLD', 3, 1, problems),
    },
  };
}

function readCount(env: Env, name: string, fallback: number, min: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > 1_000_000) {
    problems.push(`${name} must be a whole number from ${min} to 1000000 (got "${raw}")`);
    return fallback;
  }
  return value;
}
