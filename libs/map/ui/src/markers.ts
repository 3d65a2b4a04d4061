import { categoryIconSvg } from '@plaza/web/ui';
import { statusGroupOf, statusTone } from '@plaza/map/util';
import L from './leaflet-global';
import './proposal-marker.css';
import './report-marker-tones.css';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * A report marker: a round badge in its status colour with the category's icon in white. Its
 * accessible name travels inside the icon (visually hidden text), because markercluster creates
 * and destroys icon elements as clusters change and attributes set afterwards would be lost.
 * Fixed reports carry a tick, so status is not told by colour alone.
 */
export function reportIcon(options: { status: string; icon: string | null; label: string }): L.DivIcon {
  const fixed = statusGroupOf(options.status) === 'fixed';
  return L.divIcon({
    className: 'report-marker',
    html:
      // A class, not a style attribute: the Content-Security-Policy refuses inline styles.
      `<span class="report-marker__badge report-marker__badge--${statusTone(options.status)}">` +
      categoryIconSvg(options.icon, 18, 2.25) +
      `</span>${fixed ? '<span class="report-marker__tick" aria-hidden="true">✓</span>' : ''}` +
      `<span class="visually-hidden">${escapeHtml(options.label)}</span>`,
    iconSize: [32, 32],
    iconAnchor: [16, 16],
    popupAnchor: [0, -16],
  });
}

/** A bubble with a count: markercluster's clusters and the server's grid cells look the same. */
export function countIcon(count: number, countText: string, label: string): L.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 54;
  return L.divIcon({
    className: 'report-cluster',
    html: `<span aria-hidden="true">${escapeHtml(countText)}</span><span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

/**
 * A proposal marker: a violet rounded square with a "P", where reports are round badges in their
 * status colour. Shape and letter tell the two apart without relying on colour. Its accessible
 * name travels inside the icon, as for reports.
 */
export function proposalIcon(label: string): L.DivIcon {
  return L.divIcon({
    className: 'proposal-marker',
    html: `<span class="proposal-marker__badge" aria-hidden="true">P</span><span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -15],
  });
}
