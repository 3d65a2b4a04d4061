import { EMPTY_DRAFT, STEPS, type ReportDraft, type Step } from './draft';

// The report form's draft survives a reload (or a phone discarding the tab in the background):
// kept in sessionStorage, which belongs to this tab only and ends with it. Photos are not kept
// (files cannot be stored there, and they may be large); consent is not either, since it must be
// given for the report that is sent. The draft is forgotten once the report is sent.

const KEY = 'plaza:new-report-draft';

type Stored = Omit<ReportDraft, 'photos' | 'consent'> & { step: Step };

export function storeDraft(storage: Storage | null, draft: ReportDraft, step: Step): void {
  if (!storage) return;
  const { photos: _photos, consent: _consent, ...kept } = draft;
  try {
    storage.setItem(KEY, JSON.stringify({ ...kept, step } satisfies Stored));
  } catch {
    // Full or forbidden storage: the draft simply does not survive a reload.
  }
}

export function restoreDraft(storage: Storage | null): { draft: ReportDraft; step: Step } | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<Stored>;
    const draft: ReportDraft = { ...EMPTY_DRAFT };
    for (const key of ['title', 'description', 'address', 'name', 'email', 'phone'] as const) {
      if (typeof stored[key] === 'string') draft[key] = stored[key];
    }
    if (typeof stored.category === 'string') draft.category = stored.category;
    if (typeof stored.area === 'string') draft.area = stored.area;
    if (typeof stored.showName === 'boolean') draft.showName = stored.showName;
    const at = stored.location;
    if (at && Number.isFinite(at.lat) && Number.isFinite(at.lon)) draft.location = { lat: at.lat, lon: at.lon };
    const step = STEPS.includes(stored.step as Step) ? (stored.step as Step) : 'location';
    return { draft, step };
  } catch {
    return null;
  }
}

export function forgetDraft(storage: Storage | null): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

/** The tab's sessionStorage, or null where it is unavailable (privacy modes, no window). */
export function tabStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
