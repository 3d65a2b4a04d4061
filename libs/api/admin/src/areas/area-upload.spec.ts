import { DomainError } from '@plaza/api/http';
import { parseAreaUpload } from './area-upload';

const square = (lon: number, lat: number, size = 0.01) => [
  [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ],
];
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function errorsOf(doc: unknown): Array<{ field: string; code: string }> {
  try {
    parseAreaUpload(doc);
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors.map(({ field, code }) => ({ field, code }));
    throw error;
  }
  return [];
}

describe('area upload checks', () => {
  it('accepts polygons and multipolygons with a code and a name', () => {
    const parsed = parseAreaUpload(
      collection(
        feature({ code: 'B1', name: 'Barrio 1' }, { type: 'Polygon', coordinates: square(-3.7, 40.4) }),
        feature(
          { code: 'B2', name: 'Barrio 2', kind: 'neighbourhood' },
          { type: 'MultiPolygon', coordinates: [square(-3.6, 40.4)] },
        ),
      ),
    );
    expect(parsed.map(({ code, name, kind }) => ({ code, name, kind }))).toEqual([
      { code: 'B1', name: 'Barrio 1', kind: 'district' },
      { code: 'B2', name: 'Barrio 2', kind: 'neighbourhood' },
    ]);
  });

  it('names every offending feature and field at once', () => {
    expect(
      errorsOf(
        collection(
          feature({ name: 'Sin código' }, { type: 'Polygon', coordinates: square(-3.7, 40.4) }),
          feature(
            { code: 'L', name: 'Línea' },
            {
              type: 'LineString',
              coordinates: [
                [-3.7, 40.4],
                [-3.6, 40.5],
              ],
            },
          ),
          feature(
            { code: 'X', name: 'Proyectada' },
            { type: 'Polygon', coordinates: square(440000, 4470000) },
          ),
          feature(
            { code: 'O', name: 'Abierta' },
            { type: 'Polygon', coordinates: [square(-3.7, 40.4)[0]!.slice(0, 4)] },
          ),
          feature({ code: 'B1', name: 'Uno' }, { type: 'Polygon', coordinates: square(-3.7, 40.4) }),
          feature({ code: 'B1', name: 'Otra vez' }, { type: 'Polygon', coordinates: square(-3.7, 40.4) }),
        ),
      ),
    ).toEqual([
      { field: 'features[0].properties.code', code: 'required' },
      { field: 'features[1].geometry.type', code: 'not_polygon' },
      { field: 'features[2].geometry.coordinates', code: 'out_of_range' },
      { field: 'features[3].geometry.coordinates', code: 'ring_not_closed' },
      { field: 'features[5].properties.code', code: 'duplicate' },
    ]);
  });

  it('refuses what is not a FeatureCollection in WGS 84', () => {
    expect(errorsOf({ type: 'Feature' })).toEqual([{ field: 'type', code: 'invalid_type' }]);
    expect(errorsOf(collection())).toEqual([{ field: 'features', code: 'required' }]);
    const projected = {
      ...collection(feature({ code: 'A', name: 'A' }, { type: 'Polygon', coordinates: square(-3.7, 40.4) })),
      crs: { type: 'name', properties: { name: 'EPSG:25830' } },
    };
    expect(errorsOf(projected)).toEqual([{ field: 'crs', code: 'unsupported_crs' }]);
  });
});
