import type { FlagTargetType, ModerationDecisionView } from '@plaza/shared/contracts';

export interface DecisionRow {
  id: string;
  targetType: FlagTargetType;
  targetId: string;
  authorId: string | null;
  kind: 'provisional' | 'hidden';
  reason: string;
  note: string | null;
  previousStatus: string | null;
  decidedAt: Date;
  liftedAt: Date | null;
  reviewRequestedAt: Date | null;
  reviewMessage: string | null;
  reviewOutcome: 'upheld' | 'reversed' | null;
  reviewNote: string | null;
  reviewedAt: Date | null;
}

/** The columns of `moderation_decisions` as a `DecisionRow`. */
export const DECISION_COLUMNS = `id, target_type AS "targetType", target_id::text AS "targetId", author_id AS "authorId", kind, reason, note,
  previous_status AS "previousStatus", decided_at AS "decidedAt", lifted_at AS "liftedAt",
  review_requested_at AS "reviewRequestedAt", review_message AS "reviewMessage", review_outcome AS "reviewOutcome",
  review_note AS "reviewNote", reviewed_at AS "reviewedAt"`;

/** A decision as its author and the console see it; `publicTargetId` is the report's ref for reports. */
export function toDecisionView(row: DecisionRow, publicTargetId: string): ModerationDecisionView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: publicTargetId,
    kind: row.kind,
    reason: row.reason as ModerationDecisionView['reason'],
    note: row.note,
    decidedAt: new Date(row.decidedAt).toISOString(),
    liftedAt: iso(row.liftedAt),
    review: row.reviewRequestedAt
      ? {
          requestedAt: new Date(row.reviewRequestedAt).toISOString(),
          message: row.reviewMessage ?? '',
          outcome: row.reviewOutcome,
          note: row.reviewNote,
          reviewedAt: iso(row.reviewedAt),
        }
      : null,
  };
}
