import { PROPOSAL_LIMITS, type CreateProposalInput, type FieldError } from '@plaza/shared/contracts';
import type { TranslationKey } from '@plaza/web/i18n';

export interface ProposalDraft {
  title: string;
  summary: string;
  description: string;
  theme: string;
  location: { lat: number; lon: number } | null;
  /** A district code, for proposals without a point (a point decides the area itself). */
  area: string;
  images: File[];
  showName: boolean;
}

export type DraftErrors = Partial<
  Record<
    'title' | 'summary' | 'description' | 'theme' | 'location' | 'area' | 'images',
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
    ...(draft.location
      ? { lat: draft.location.lat, lon: draft.location.lon }
      : draft.area
        ? { area: draft.area }
        : {}),
  };
}

/**
 * What goes over the wire: JSON without images; with images, the multipart form the API reads
 * (the same flat fields, files under `images`).
 */
export function toBody(draft: ProposalDraft): { body: BodyInit; json: boolean } {
  const input = toInput(draft);
  if (draft.images.length === 0) return { body: JSON.stringify(input), json: true };
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) form.set(key, String(value));
  for (const image of draft.images) form.append('images', image, image.name);
  return { body: form, json: false };
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
    } else if (error.field === 'area') {
      errors.area = { key: 'newProposal.error.area' };
    } else if (error.field === 'images' || error.field.startsWith('images')) {
      errors.images = { key: 'newProposal.error.images' };
    }
  }
  return errors;
}
