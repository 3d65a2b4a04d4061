// Where the map was when the visitor left it, so "back to the map" from a report returns there
// (the URL of the explore page holds its view and filters).
let lastExplore = '/';

export function rememberExplore(href: string): void {
  lastExplore = href;
}

export function lastExploreHref(): string {
  return lastExplore;
}

let lastView: { lat: number; lon: number; zoom: number } | null = null;

/** The report form opens its map where the visitor was looking. */
export function rememberExploreView(view: { lat: number; lon: number; zoom: number }): void {
  lastView = view;
}

export function lastExploreView(): { lat: number; lon: number; zoom: number } | null {
  return lastView;
}
