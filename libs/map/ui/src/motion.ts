/**
 * Whether the visitor asked the system for less motion. Leaflet's zoom, fade and marker
 * animations are turned off for them (CSS transitions are handled in the stylesheet).
 */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}

/** Leaflet options for a map that respects the visitor's motion preference. */
export function motionOptions(): { zoomAnimation: boolean; fadeAnimation: boolean; markerZoomAnimation: boolean } {
  const still = prefersReducedMotion();
  return { zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still };
}
