import { contains, pad, type BBox } from './useExploreData';

describe('loaded bounds', () => {
  const view: BBox = [-3.8, 40.3, -3.6, 40.5];

  it('pads a view by a share of its size on every side, within the world', () => {
    const padded = pad(view, 0.25);
    expect(padded.map((v) => Number(v.toFixed(6)))).toEqual([-3.85, 40.25, -3.55, 40.55]);
    expect(pad([-180, -85, 180, 85], 0.25)).toEqual([-180, -85, 180, 85]);
  });

  it('needs no reload while the view stays inside what was loaded', () => {
    const loaded = pad(view, 0.25);
    const nudged: BBox = [-3.82, 40.3, -3.62, 40.5];
    const zoomedIn: BBox = [-3.75, 40.35, -3.65, 40.45];
    const panned: BBox = [-3.9, 40.3, -3.7, 40.5];
    expect(contains(loaded, nudged)).toBe(true);
    expect(contains(loaded, zoomedIn)).toBe(true);
    expect(contains(loaded, panned)).toBe(false);
  });
});
