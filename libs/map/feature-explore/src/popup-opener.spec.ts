import { describe, expect, it } from '@jest/globals';
import { openerToFocus, type OpenerLookup } from './popup-opener';

interface Fake {
  id: string;
  key: string | null;
  inMap: boolean;
  connected: boolean;
}

const el = (id: string, key: string | null, inMap: boolean, connected = true): Fake => ({ id, key, inMap, connected });

function lookup(page: Fake[]): OpenerLookup<Fake> {
  return {
    usable: (e) => e.connected,
    inMap: (e) => e.inMap,
    byKey: (key) => page.filter((e) => e.key === key),
  };
}

describe('openerToFocus', () => {
  it('gives focus back to the opener while it is still on the page', () => {
    const marker = el('marker', 'report:2026-000001', true);
    const newer = el('newer', 'report:2026-000001', true);
    expect(openerToFocus({ element: marker, key: marker.key, inMap: true }, lookup([marker, newer]))).toBe(marker);
  });

  it('finds the marker that now stands for the same report when the map redrew it', () => {
    const old = el('old', 'report:2026-000001', true, false);
    const list = el('list', 'report:2026-000001', false);
    const other = el('other', 'report:2026-000002', true);
    const redrawn = el('redrawn', 'report:2026-000001', true);
    expect(openerToFocus({ element: old, key: old.key, inMap: true }, lookup([list, other, redrawn]))?.id).toBe('redrawn');
  });

  it('finds the list button again, never the marker, for a popup opened from the list', () => {
    const old = el('old', 'report:2026-000001', false, false);
    const marker = el('marker', 'report:2026-000001', true);
    const button = el('button', 'report:2026-000001', false);
    expect(openerToFocus({ element: old, key: old.key, inMap: false }, lookup([marker, button]))?.id).toBe('button');
    expect(openerToFocus({ element: old, key: old.key, inMap: false }, lookup([marker]))).toBeNull();
  });

  it('skips elements that are not displayed, and has nothing for a gone opener without a key', () => {
    const old = el('old', 'report:2026-000001', true, false);
    const hidden = el('hidden', 'report:2026-000001', true, false);
    expect(openerToFocus({ element: old, key: old.key, inMap: true }, lookup([hidden]))).toBeNull();
    expect(openerToFocus({ element: el('x', null, false, false), key: null, inMap: false }, lookup([]))).toBeNull();
    expect(openerToFocus(null, lookup([]))).toBeNull();
  });
});
