/**
 * Line icons for report categories, keyed by the category's `icon` field. 24×24, drawn with
 * `stroke="currentColor"` so they take the colour of their context (a marker, a button, text).
 * Plain path data, so the map can inline them into Leaflet markers without React.
 */
export const CATEGORY_ICON_PATHS: Readonly<Record<string, string>> = {
  pothole: 'M3 19h18M6 15c0-1.9 2.7-3.5 6-3.5s6 1.6 6 3.5-2.7 2-6 2-6-.1-6-2zM12 11.5V8M9 9.5 7.5 7M15 9.5 16.5 7',
  sidewalk: 'M3 5h18v14H3zM3 12h18M9 5v7M15 12v7',
  streetlight: 'M9 21h6M12 21V6a3 3 0 0 1 3-3h3M16 3h4l-1 3h-2zM18 9v1M21 8l1 1M15 8l-1 1',
  graffiti: 'M8 9h6v12H8zM9 9V6h4v3M17 4h.01M20 5h.01M17 7h.01M20 9h.01',
  broom: 'M20 4l-7 7M10 12l3 3M6 14l4-4 5 5-4 4c-2 .5-5 .8-8 1 .5-3 1.5-4.5 3-6z',
  bin: 'M4 6h16M9 6V4h6v2M6 6l1.2 15h9.6L18 6M10 10v7M14 10v7',
  sofa: 'M5 11V8a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v3M3 12a2 2 0 0 1 4 0v2h10v-2a2 2 0 0 1 4 0v5H3zM5 17v3M19 17v3',
  tree: 'M12 22v-7M9 22h6M12 15c-3.9 0-7-2.4-7-5.8a7 7 0 0 1 14 0c0 3.4-3.1 5.8-7 5.8z',
  playground: 'M3 21 7 3h10l4 18M10 3v10M14 3v10M9 13h6',
  'traffic-light': 'M8 2h8v20H8zM12 5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 1 0 0-3M12 10.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 1 0 0-3M12 16a1.5 1.5 0 1 0 0 3 1.5 1.5 0 1 0 0-3',
  sign: 'M12 22V12M12 4V2M5 4h12l3 4-3 4H5z',
  drop: 'M12 3s6 6.5 6 11a6 6 0 0 1-12 0c0-4.5 6-11 6-11z',
  bench: 'M4 6h16M4 10h16M3 14h18M6 14v5M18 14v5M6 6v8M18 6v8',
};

/** A neutral "report" mark for categories a city added with an icon Plaza does not draw. */
export const FALLBACK_ICON_PATH = 'M12 7v6M12 16.5v.01M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18';

export function categoryIconPath(icon: string | null | undefined): string {
  return (icon && CATEGORY_ICON_PATHS[icon]) || FALLBACK_ICON_PATH;
}

/** The icon as an SVG string (decorative: hidden from assistive technology). */
export function categoryIconSvg(icon: string | null | undefined, size = 24, strokeWidth = 2): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" ` +
    `stroke="currentColor" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round" ` +
    `aria-hidden="true" focusable="false"><path d="${categoryIconPath(icon)}"/></svg>`
  );
}
