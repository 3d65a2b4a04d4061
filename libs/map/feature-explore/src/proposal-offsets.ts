import type L from './leaflet';

// Proposal squares sit in their own pane above the reports. Where a proposal falls on a report
// cluster or marker, the square used to cover it: the cluster's count was hidden and the two
// targets overlapped (axe `target-size`, 13–15 of them on the demo city). After every change of
// the view or of the markers, each square that would touch a report target (or another square)
// is moved, by as little as possible, to a free spot next to its place; a small dot marks the
// exact spot (see .proposal-marker--moved in proposal-marker.css).

const GAP = 3;
const STEP = 34;
const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
  [1, -1],
  [1, 1],
  [-1, 1],
  [-1, -1],
];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How much two targets (with the gap around them) overlap, in square pixels; 0 when apart. */
function overlap(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) + GAP - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) + GAP - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

function shifted(box: Box, dx: number, dy: number): Box {
  return { left: box.left + dx, top: box.top + dy, right: box.right + dx, bottom: box.bottom + dy };
}

/** Where each square may go: its own place first, then rings of growing distance around it. */
function candidates(): Array<[number, number]> {
  const list: Array<[number, number]> = [[0, 0]];
  for (let ring = 1; ring <= 5; ring += 1) for (const [x, y] of DIRECTIONS) list.push([x * STEP * ring, y * STEP * ring]);
  return list;
}
const CANDIDATES = candidates();

/** Moves the proposal squares off the report targets, for the view as it is now. */
export function separateProposals(container: HTMLElement): void {
  const frame = container.getBoundingClientRect();
  const taken: Box[] = [...container.querySelectorAll<HTMLElement>('.leaflet-marker-pane .leaflet-marker-icon')]
    .map((element) => element.getBoundingClientRect())
    .filter((box) => box.width > 0);
  for (const element of container.querySelectorAll<HTMLElement>('.leaflet-proposals-pane .proposal-marker')) {
    // Leaflet set the margins from the icon's anchor; they are the square's own place.
    element.dataset['baseLeft'] ??= element.style.marginLeft || '0px';
    element.dataset['baseTop'] ??= element.style.marginTop || '0px';
    const baseLeft = parseFloat(element.dataset['baseLeft']);
    const baseTop = parseFloat(element.dataset['baseTop']);
    const current = element.getBoundingClientRect();
    const dx0 = parseFloat(element.style.marginLeft || '0') - baseLeft;
    const dy0 = parseFloat(element.style.marginTop || '0') - baseTop;
    const home = shifted(current, -dx0, -dy0);
    // The nearest free spot; where the centre is so crowded that none is free, the spot that
    // covers the least, so no count is hidden under a square.
    let chosen: [number, number] = [0, 0];
    let least = Number.POSITIVE_INFINITY;
    for (const [dx, dy] of CANDIDATES) {
      const box = shifted(home, dx, dy);
      const inside = box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
      if ((dx !== 0 || dy !== 0) && !inside) continue;
      const covered = taken.reduce((sum, other) => sum + overlap(box, other), 0);
      if (covered < least) {
        least = covered;
        chosen = [dx, dy];
        if (covered === 0) break;
      }
    }
    element.style.marginLeft = `${baseLeft + chosen[0]}px`;
    element.style.marginTop = `${baseTop + chosen[1]}px`;
    element.classList.toggle('proposal-marker--moved', chosen[0] !== 0 || chosen[1] !== 0);
    element.style.setProperty('--tail-x', `${-chosen[0]}px`);
    element.style.setProperty('--tail-y', `${-chosen[1]}px`);
    taken.push(shifted(home, chosen[0], chosen[1]));
  }
}

/** Keeps the squares separated as the map moves and markers come and go; returns the clean-up. */
export function keepProposalsSeparate(map: L.Map, container: HTMLElement): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      separateProposals(container);
    });
  };
  // Markers come and go (childList), and clusters are re-placed by style alone (their transform):
  // both count. Only the report markers' styles are watched; the squares' own margins, set here,
  // would otherwise call this again.
  const observer = new MutationObserver(schedule);
  observer.observe(map.getPane('markerPane') ?? container, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
  const proposals = map.getPane('proposals');
  if (proposals) observer.observe(proposals, { childList: true });
  // Groups splitting and merging glide to their places by CSS transition (markercluster), often
  // still under way when the last mutation above was seen, and a transition ending changes no
  // attribute: without this, the squares could stay placed for where the markers were mid-glide,
  // one of them on a group's count once the markers come to rest.
  const markerCameToRest = (event: TransitionEvent) => {
    if (event.propertyName === 'transform' && event.target instanceof Element && event.target.classList.contains('leaflet-marker-icon')) schedule();
  };
  container.addEventListener('transitionend', markerCameToRest);
  container.addEventListener('transitioncancel', markerCameToRest);
  map.on('zoomend moveend resize', schedule);
  return () => {
    if (frame) cancelAnimationFrame(frame);
    observer.disconnect();
    container.removeEventListener('transitionend', markerCameToRest);
    container.removeEventListener('transitioncancel', markerCameToRest);
    map.off('zoomend moveend resize', schedule);
  };
}
