import type L from './leaflet';
import { openerToFocus, POPUP_KEY, type Opener } from './popup-opener';

// The explore map for keyboard users: ONE tab stop. Markers, clusters, grid cells and proposal
// squares are taken out of the tab order (a map of 120 markers used to take ≈125 Tabs to cross);
// inside the map, Enter moves to the markers in view and the arrow keys go from one to the next
// (a roving focus over what is visible, never onto a marker scrolled out of the map), Escape goes
// back to the map. Escape also closes a popup, and focus returns to whatever opened it (a marker,
// or the list's "show on map" button), never to the top of the page; when the map panned and
// reloaded meanwhile and that opener was drawn again, to the element that stands for the same
// report now (popup-opener.ts).

const ITEM = '.leaflet-marker-icon[role="button"]';

/** The markers whose centre is inside the visible map, in reading order (rows, then left to right). */
export function itemsInView(container: HTMLElement): HTMLElement[] {
  const frame = container.getBoundingClientRect();
  const items: Array<{ element: HTMLElement; x: number; y: number }> = [];
  for (const element of container.querySelectorAll<HTMLElement>(ITEM)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < frame.left || x > frame.right || y < frame.top || y > frame.bottom) continue;
    items.push({ element, x, y });
  }
  // Rows 24 px tall: markers at almost the same height read left to right.
  return items
    .sort((a, b) => Math.floor(a.y / 24) - Math.floor(b.y / 24) || a.x - b.x)
    .map((item) => item.element);
}

/** Keeps every marker Leaflet draws out of the tab order (they stay focusable from script). */
function demoteMarkers(root: HTMLElement): MutationObserver {
  const demote = (node: Node) => {
    if (!(node instanceof HTMLElement)) return;
    if (node.matches(ITEM) && node.tabIndex !== -1) node.tabIndex = -1;
    for (const child of node.querySelectorAll<HTMLElement>(ITEM)) if (child.tabIndex !== -1) child.tabIndex = -1;
  };
  demote(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') demote(record.target);
      else record.addedNodes.forEach(demote);
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] });
  return observer;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

/** Installs the keyboard behaviour on the explore map; returns the clean-up. */
export function installMapKeyboard(map: L.Map, container: HTMLElement): () => void {
  const observer = demoteMarkers(container);
  let opener: Opener<HTMLElement> | null = null;
  let popupElement: HTMLElement | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape' && popupElement?.contains(target)) {
      event.preventDefault();
      event.stopPropagation();
      map.closePopup();
      return;
    }
    if (target === container) {
      if (event.key !== 'Enter') return;
      const first = itemsInView(container)[0];
      if (!first) return;
      event.preventDefault();
      first.focus();
      return;
    }
    if (!target.matches(ITEM)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      container.focus({ preventScroll: true });
      return;
    }
    const items = itemsInView(container);
    const at = items.indexOf(target);
    let next: HTMLElement | undefined;
    if (NEXT.has(event.key)) next = items[at + 1] ?? items[0];
    else if (PREVIOUS.has(event.key)) next = items[at - 1] ?? items[items.length - 1];
    else if (event.key === 'Home') next = items[0];
    else if (event.key === 'End') next = items[items.length - 1];
    else return;
    // The map would pan on the same keys.
    event.preventDefault();
    event.stopPropagation();
    next?.focus({ preventScroll: true });
  };

  const onOpen = (event: L.PopupEvent) => {
    const active = document.activeElement as HTMLElement | null;
    popupElement = event.popup.getElement() ?? null;
    if (active && active !== document.body && !popupElement?.contains(active)) {
      opener = { element: active, key: active.getAttribute(POPUP_KEY), inMap: container.contains(active) };
    }
  };
  const onClose = (event: L.PopupEvent) => {
    const element = event.popup.getElement();
    if (element && element !== popupElement) return;
    popupElement = null;
    const active = document.activeElement;
    const focusWasInside = !active || active === document.body || Boolean(element?.contains(active));
    const remembered = opener;
    opener = null;
    if (!focusWasInside) return;
    const lookup = {
      usable: (el: HTMLElement) => el.isConnected && el.getClientRects().length > 0,
      inMap: (el: HTMLElement) => container.contains(el),
      byKey: (key: string) => document.querySelectorAll<HTMLElement>(`[${POPUP_KEY}="${CSS.escape(key)}"]`),
    };
    const giveBack = (again: boolean) => {
      const back = openerToFocus(remembered, lookup);
      if (back) back.focus({ preventScroll: container.contains(back) });
      // markercluster closes a popup when it takes its marker off the map to regroup, and draws
      // the marker again before it returns: one more look after that.
      else if (again) {
        setTimeout(() => {
          if (!document.activeElement || document.activeElement === document.body) giveBack(false);
        });
      }
      // A marker that was clustered or left the view since is gone: the map takes focus instead.
      else container.focus({ preventScroll: true });
    };
    giveBack(true);
  };

  container.addEventListener('keydown', onKeyDown);
  map.on('popupopen', onOpen);
  map.on('popupclose', onClose);
  return () => {
    observer.disconnect();
    container.removeEventListener('keydown', onKeyDown);
    map.off('popupopen', onOpen);
    map.off('popupclose', onClose);
  };
}
