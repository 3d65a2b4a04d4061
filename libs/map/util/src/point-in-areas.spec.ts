import { areaAt } from './point-in-areas';

const square = (name: string, x: number, y: number, size: number, hole = false): GeoJSON.Feature => ({
  type: 'Feature',
  properties: { name },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]],
        ...(hole ? [[[x + 1, y + 1], [x + 2, y + 1], [x + 2, y + 2], [x + 1, y + 2], [x + 1, y + 1]]] : []),
      ],
    ],
  },
});

describe('areaAt', () => {
  const areas: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [square('Norte', 0, 10, 10), square('Sur', 0, 0, 10, true)] };

  it('names the area a point is in', () => {
    expect(areaAt(areas, 5, 15)).toBe('Norte');
    expect(areaAt(areas, 5, 5)).toBe('Sur');
  });

  it('is null outside every area, in a hole, or without areas', () => {
    expect(areaAt(areas, 20, 5)).toBeNull();
    expect(areaAt(areas, 1.5, 1.5)).toBeNull();
    expect(areaAt(null, 5, 5)).toBeNull();
  });
});
