import {
  ALERT_LIMITS,
  type AlertFrequency,
  type AlertScope,
  type CreateAlertInput,
  type FieldError,
} from '@plaza/shared/contracts';

/** What the form holds; only the fields of the chosen scope are sent. */
export interface AlertDraft {
  scope: AlertScope;
  area: string;
  category: string;
  point: { lat: number; lon: number } | null;
  radius: number;
  frequency: AlertFrequency;
  email: string;
  consent: boolean;
}

export const RADIUS_OPTIONS = [100, 250, 500, 1000, 2000, ALERT_LIMITS.radiusMax] as const;

export const EMPTY_DRAFT: AlertDraft = {
  scope: 'area',
  area: '',
  category: '',
  point: null,
  radius: ALERT_LIMITS.radiusDefault,
  frequency: 'instant',
  email: '',
  consent: false,
};

/** Form control of each API field, for messages beside the control (and the summary's links). */
export const CONTROL_OF: Record<string, string> = {
  email: 'alert-email',
  scope: 'alert-scope',
  area: 'alert-area',
  category: 'alert-category',
  lat: 'alert-point',
  lon: 'alert-point',
  radius: 'alert-radius',
  frequency: 'alert-frequency',
  consent: 'alert-consent',
};

/** Message keys of the problems the form can see for itself, in the form's order. */
export type DraftProblem = 'email' | 'area' | 'category' | 'point' | 'consent';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The request body, or the problems to show before sending anything (the API stays the judge). */
export function alertRequest(
  draft: AlertDraft,
): { input: CreateAlertInput } | { problems: Record<string, DraftProblem> } {
  const problems: Record<string, DraftProblem> = {};
  if (draft.scope === 'area' && !draft.area) problems[CONTROL_OF['area']!] = 'area';
  if (draft.scope === 'category' && !draft.category) problems[CONTROL_OF['category']!] = 'category';
  if (draft.scope === 'radius' && !draft.point) problems[CONTROL_OF['lat']!] = 'point';
  if (!EMAIL.test(draft.email.trim()) || draft.email.trim().length > ALERT_LIMITS.emailMax)
    problems[CONTROL_OF['email']!] = 'email';
  if (!draft.consent) problems[CONTROL_OF['consent']!] = 'consent';
  if (Object.keys(problems).length > 0) return { problems };
  const target =
    draft.scope === 'area'
      ? { area: draft.area }
      : draft.scope === 'category'
        ? { category: draft.category }
        : { lat: draft.point!.lat, lon: draft.point!.lon, radius: draft.radius };
  return {
    input: {
      email: draft.email.trim(),
      scope: draft.scope,
      frequency: draft.frequency,
      consent: true,
      ...target,
    },
  };
}

/** The API's field errors spread over the form's controls; the first message per control wins. */
export function controlErrors(errors: readonly FieldError[]): Record<string, FieldError> {
  const byControl: Record<string, FieldError> = {};
  for (const error of errors) {
    const control = CONTROL_OF[error.field];
    if (control && !byControl[control]) byControl[control] = error;
  }
  return byControl;
}

/** Public feeds of what the alert would watch (docs/feeds.md), for feed readers. */
export function feedQuery(draft: AlertDraft, lang: string): string {
  const params = new URLSearchParams();
  if (draft.scope === 'area' && draft.area) params.set('area', draft.area);
  if (draft.scope === 'category' && draft.category) params.set('category', draft.category);
  if (draft.scope === 'radius' && draft.point) {
    params.set('lat', String(draft.point.lat));
    params.set('lon', String(draft.point.lon));
    params.set('radius', String(draft.radius));
  }
  params.set('lang', lang);
  return params.toString();
}
