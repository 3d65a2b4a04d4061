import type L from './leaflet-global';

/**
 * `map.remove()`, safe while a zoom animates. Leaflet 1.9 ends a zoom animation from a 250 ms timer
 * that `remove()` does not cancel: when a page leaves a map mid-zoom (placing a pin zooms in, and
 * "Continuar" unmounts the step at once) the timer runs on the removed map and throws
 * "Cannot read properties of undefined (reading '_leaflet_pos')". The timer's handler does nothing
 * once the map is not animating, so that is what it is told first.
 */
export function removeMap(map: L.Map): void {
  (map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
  map.remove();
}
