import type { TranslationKey } from '@plaza/web/i18n';
import { ApiError } from '@plaza/web/api-client';

// The API explains refusals in English; the page says them in the visitor's language by code.
const KNOWN: Record<string, TranslationKey> = {
  'PROPOSAL.ALREADY_SUPPORTED': 'proposal.alreadySupported',
  'PROPOSAL.NOT_SUPPORTED': 'proposal.notSupported',
  'PROPOSAL.OWN_PROPOSAL': 'proposal.ownProposal',
  'PROPOSAL.NOT_COLLECTING_SUPPORTS': 'proposal.supportClosed',
  'PROPOSAL.TRANSITION_NOT_ALLOWED': 'proposal.withdrawRefused',
  'COMMENT.EDIT_WINDOW_CLOSED': 'comments.editClosed',
  'USER.BLOCKED': 'comments.blocked',
};

/** The message key for a failed action; `fallback` covers refusals without a specific message. */
export function actionErrorKey(
  error: unknown,
  fallback: TranslationKey = 'proposal.actionFailed',
): TranslationKey {
  if (error instanceof ApiError) {
    const known = error.problem?.code ? KNOWN[error.problem.code] : undefined;
    if (known) return known;
    if (error.status === 401 || error.status === 403) return 'proposal.sessionExpired';
  }
  return fallback;
}
