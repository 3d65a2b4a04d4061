// Where focus goes back when a popup closes. The element that opened it (a marker, or a list's
// "show on map" button) is remembered with the key of what it stands for ("report:2026-000123",
// "proposal:7", carried as `data-popup-key`): while the popup was open the map may have panned and
// reloaded its reports, and markercluster or the list may have drawn that same report with a new
// element. Focus then goes to the element that stands for it now, on the same side (map or list).

/** The attribute that names what a marker or a "show on map" button stands for. */
export const POPUP_KEY = 'data-popup-key';

export const reportKey = (ref: string) => `report:${ref}`;
export const proposalKey = (id: number) => `proposal:${id}`;

export interface Opener<E> {
  element: E;
  /** What it stands for; null for anything else (focus then returns to that element or nowhere). */
  key: string | null;
  /** Whether it was inside the map (a marker) rather than beside it (the list). */
  inMap: boolean;
}

export interface OpenerLookup<E> {
  /** Connected and displayed: focus can go there. */
  usable(element: E): boolean;
  inMap(element: E): boolean;
  /** The elements that now carry this key, anywhere in the page. */
  byKey(key: string): Iterable<E>;
}

/** The element to give focus back to, or null when nothing standing for the opener is left. */
export function openerToFocus<E>(opener: Opener<E> | null, lookup: OpenerLookup<E>): E | null {
  if (!opener) return null;
  if (lookup.usable(opener.element)) return opener.element;
  if (opener.key === null) return null;
  for (const element of lookup.byKey(opener.key)) {
    if (element !== opener.element && lookup.inMap(element) === opener.inMap && lookup.usable(element)) return element;
  }
  return null;
}
