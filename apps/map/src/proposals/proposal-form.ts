import { PROPOSAL_LIMITS, type CreateProposalInput, type FieldError } from '@plaza/shared/contracts';
import type { TranslationKey } from '@plaza/web/i18n';

export interface ProposalDraft {
  title: string;
  summary: string;
  description: string;
  theme: string;
  location: { lat: number; lon: number } | null;
  showName: boolean;
}

export type DraftErrors = Partial<
  Record<
    'title' | 'summary' | 'description' | 'theme' | 'location',
    { key: TranslationKey; params?: Record<string, number> }
  >
>;

const LENGTHS = {
  title: [PROPOSAL_LIMITS.titleMin, PROPOSAL_LIMITS.titleMax],
  summary: [PROPOSAL_LIMITS.summaryMin, PROPOSAL_LIMITS.summaryMax],
  description: [PROPOSAL_LIMITS.descriptionMin, PROPOSAL_LIMITS.descriptionMax],
} as const;

/** The checks the API makes too, said before sending so the visitor does not wait for a round trip. */
export function validateDraft(draft: ProposalDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const field of ['title', 'summary', 'description'] as const) {
    const [min, max] = LENGTHS[field];
    const length = draft[field].trim().length;
    if (length < min || length > max)
      errors[field] = { key: 'newProposal.error.length', params: { min, max } };
  }
  if (!draft.theme) errors.theme = { key: 'newProposal.error.theme' };
  return errors;
}

export function toInput(draft: ProposalDraft): CreateProposalInput {
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    description: draft.description.trim(),
    theme: draft.theme,
    showName: draft.showName,
    ...(draft.location ? { lat: draft.location.lat, lon: draft.location.lon } : {}),
  };
}

/** The API's field errors, placed beside the fields they belong to (lat/lon belong to the map). */
export function serverErrors(fields: FieldError[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const error of fields) {
    if (error.field === 'lat' || error.field === 'lon') {
      errors.location = {
        key: error.code === 'outside_areas' ? 'newProposal.error.outside' : 'newProposal.error.invalid',
      };
    } else if (error.field === 'title' || error.field === 'summary' || error.field === 'description') {
      const [min, max] = LENGTHS[error.field];
      errors[error.field] = { key: 'newProposal.error.length', params: { min, max } };
    } else if (error.field === 'theme') {
      errors.theme = { key: 'newProposal.error.theme' };
    }
  }
  return errors;
}
