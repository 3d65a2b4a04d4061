/** Which area a point falls in, from the areas GeoJSON the map already loaded (no request per move). */
export function areaAt(areas: GeoJSON.FeatureCollection | null, lon: number, lat: number): string | null {
  if (!areas) return null;
  for (const feature of areas.features) {
    const geometry = feature.geometry;
    const polygons =
      geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
    if (polygons.some((rings) => inPolygon(rings, lon, lat))) {
      const name = (feature.properties as { name?: unknown } | null)?.name;
      return typeof name === 'string' ? name : '';
    }
  }
  return null;
}

/** Even-odd rule over the outer ring and its holes. */
function inPolygon(rings: GeoJSON.Position[][], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
