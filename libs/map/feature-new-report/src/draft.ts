import { REPORT_LIMITS, type FieldError } from '@plaza/shared/contracts';
import type { Translator } from '@plaza/web/i18n';

export const STEPS = ['location', 'category', 'details', 'contact'] as const;
export type Step = (typeof STEPS)[number];

export interface ReportDraft {
  location: { lat: number; lon: number } | null;
  /** The area the pin is in, from the areas layer; null while unknown or outside every area. */
  area: string | null;
  category: string | null;
  title: string;
  description: string;
  address: string;
  photos: File[];
  name: string;
  email: string;
  phone: string;
  showName: boolean;
  consent: boolean;
}

export const EMPTY_DRAFT: ReportDraft = {
  location: null,
  area: null,
  category: null,
  title: '',
  description: '',
  address: '',
  photos: [],
  name: '',
  email: '',
  phone: '',
  showName: false,
  consent: false,
};

/** A problem with one field, in the form's terms: which control, on which step, saying what. */
export interface FormError {
  step: Step;
  /** Id of the control (or group) the message sits beside. */
  id: string;
  message: string;
}

/** API field paths (problem+json `errors[].field`) → where they live in the form. */
const FIELDS: Record<string, { step: Step; id: string }> = {
  lat: { step: 'location', id: 'nr-location' },
  lon: { step: 'location', id: 'nr-location' },
  category: { step: 'category', id: 'nr-category' },
  title: { step: 'details', id: 'nr-title' },
  description: { step: 'details', id: 'nr-description' },
  address: { step: 'details', id: 'nr-address' },
  photos: { step: 'details', id: 'nr-photos' },
  reporter: { step: 'contact', id: 'nr-name' },
  'reporter.name': { step: 'contact', id: 'nr-name' },
  'reporter.email': { step: 'contact', id: 'nr-email' },
  'reporter.phone': { step: 'contact', id: 'nr-phone' },
  'reporter.showName': { step: 'contact', id: 'nr-show-name' },
  consent: { step: 'contact', id: 'nr-consent' },
};

const LENGTHS: Record<string, { min?: number; max: number }> = {
  title: { min: REPORT_LIMITS.titleMin, max: REPORT_LIMITS.titleMax },
  description: { min: REPORT_LIMITS.descriptionMin, max: REPORT_LIMITS.descriptionMax },
  address: { max: REPORT_LIMITS.addressMax },
  'reporter.name': { max: REPORT_LIMITS.nameMax },
  'reporter.email': { max: REPORT_LIMITS.emailMax },
};

/**
 * The API's field errors placed beside their controls, in the page's language. One message per
 * control (the first: the most basic problem); unknown fields are returned apart for the summary.
 */
export function formErrorsFromApi(errors: FieldError[], i18n: Translator): { placed: FormError[]; other: string[] } {
  const placed = new Map<string, FormError>();
  const other: string[] = [];
  for (const error of errors) {
    const photo = /^photos\[(\d+)\]$/.exec(error.field);
    const target = FIELDS[photo ? 'photos' : error.field];
    if (!target) {
      other.push(error.message);
      continue;
    }
    if (placed.has(target.id)) continue;
    const message = photo
      ? i18n.t('form.error.photo', { index: Number(photo[1]) + 1, reason: codeMessage(error.field, error.code, i18n) })
      : codeMessage(error.field, error.code, i18n);
    placed.set(target.id, { ...target, message });
  }
  return { placed: [...placed.values()].sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step)), other };
}

function codeMessage(field: string, code: string, i18n: Translator): string {
  const limits = LENGTHS[field];
  switch (code) {
    case 'required':
      return i18n.t('form.error.required');
    case 'too_short':
      return i18n.t('form.error.tooShort', { min: limits?.min ?? 1 });
    case 'too_long':
      return i18n.t('form.error.tooLong', { max: limits?.max ?? 0 });
    case 'invalid_email':
      return i18n.t('form.error.email');
    case 'invalid_format':
      return field === 'reporter.phone' ? i18n.t('form.error.phone') : i18n.t('form.error.invalid');
    case 'must_accept':
      return i18n.t('form.error.consent');
    case 'unknown_category':
      return i18n.t('form.error.unknownCategory');
    case 'outside_areas':
      return i18n.t('form.error.outside');
    case 'not_an_image':
      return i18n.t('form.error.notAnImage');
    case 'unsupported_format':
      return i18n.t('form.error.photoType');
    case 'too_large':
      return i18n.t('form.error.photoSize', { mb: REPORT_LIMITS.photoBytesMax / 1024 / 1024 });
    case 'too_many':
      return i18n.t('form.error.tooManyPhotos', { max: REPORT_LIMITS.photosMax });
    default:
      return i18n.t('form.error.invalid');
  }
}

// Deliberately loose: the API has the final word on addresses (it also wants a real domain).
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{6,32}$/;

/** The checks the browser can make before a step is left; the API repeats them all. */
export function validateStep(step: Step, draft: ReportDraft, i18n: Translator, areasKnown: boolean): FormError[] {
  const errors: FormError[] = [];
  const add = (field: string, code: string) => {
    const target = FIELDS[field] as { step: Step; id: string };
    errors.push({ ...target, message: codeMessage(field, code, i18n) });
  };
  const length = (field: string, value: string) => {
    const limits = LENGTHS[field] as { min?: number; max: number };
    const text = value.trim();
    if (!text) return add(field, 'required');
    if (limits.min && text.length < limits.min) return add(field, 'too_short');
    if (text.length > limits.max) return add(field, 'too_long');
  };
  switch (step) {
    case 'location':
      if (!draft.location) errors.push({ step, id: 'nr-location', message: i18n.t('form.error.noLocation') });
      else if (areasKnown && draft.area === null) add('lat', 'outside_areas');
      break;
    case 'category':
      if (!draft.category) errors.push({ step, id: 'nr-category', message: i18n.t('form.error.noCategory') });
      break;
    case 'details':
      length('title', draft.title);
      length('description', draft.description);
      if (draft.address.trim().length > REPORT_LIMITS.addressMax) add('address', 'too_long');
      if (draft.photos.length > REPORT_LIMITS.photosMax) add('photos', 'too_many');
      break;
    case 'contact':
      length('reporter.name', draft.name);
      if (!draft.email.trim()) add('reporter.email', 'required');
      else if (!EMAIL.test(draft.email.trim()) || draft.email.trim().length > REPORT_LIMITS.emailMax) add('reporter.email', 'invalid_email');
      if (draft.phone.trim() && !PHONE.test(draft.phone.trim())) add('reporter.phone', 'invalid_format');
      if (!draft.consent) add('consent', 'must_accept');
      break;
  }
  return errors;
}
