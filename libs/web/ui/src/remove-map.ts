/**
 * `map.remove()`, safe while a zoom animates. Leaflet 1.9 ends a zoom animation from a 250 ms timer
 * that `remove()` does not cancel: when a page leaves a map mid-zoom (placing a pin zooms in, and
 * "Continuar" unmounts the step at once) the timer runs on the removed map and throws
 * "Cannot read properties of undefined (reading '_leaflet_pos')". The timer's handler does nothing
 * once the map is not animating, so that is what it is told first. The console's case map meets
 * the same timer when a case is left right after its zoom buttons were used.
 */
export function removeMap(map: { remove(): unknown }): void {
  // Typed by shape: the public map and the console each bring their own Leaflet import.
  (map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
  map.remove();
}
