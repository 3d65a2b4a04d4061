// Saved inbox views: a name and the inbox's query string (queue, filters, sort), per person.
// Kept on the server (GET/PUT /api/v1/staff/saved-views); localStorage under the user's id only held
// them before, and is read once to move them to the server.

export interface SavedView {
  name: string;
  /** The inbox search string without `lang` or the selected case, e.g. `?queue=overdue&category=farola`. */
  search: string;
}

export const SAVED_VIEWS_MAX = 20;
const NAME_MAX = 60;

export function savedViewsKey(userId: string): string {
  return `plaza.console.views.${userId}`;
}

/** Reads what localStorage held; anything malformed is dropped rather than breaking the inbox. */
export function parseSavedViews(raw: string | null): SavedView[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (v): v is SavedView =>
        typeof v === 'object' && v !== null && typeof (v as SavedView).name === 'string' && typeof (v as SavedView).search === 'string',
    )
    .map((v) => ({ name: v.name.slice(0, NAME_MAX), search: v.search }))
    .slice(0, SAVED_VIEWS_MAX);
}

/** Adds a view, or replaces the one with the same name (case-insensitive); newest first, bounded. */
export function withSavedView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim().slice(0, NAME_MAX);
  if (!name) return [...views];
  const others = views.filter((v) => v.name.toLocaleLowerCase() !== name.toLocaleLowerCase());
  return [{ name, search: view.search }, ...others].slice(0, SAVED_VIEWS_MAX);
}

export function withoutSavedView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => v.name !== name);
}
