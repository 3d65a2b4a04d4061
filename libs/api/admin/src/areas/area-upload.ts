import { DomainError } from '@plaza/api/http';
import type { FieldError } from '@plaza/shared/contracts';

/** One feature of an upload, checked for shape; PostGIS checks (and repairs) the geometry itself. */
export interface AreaFeatureInput {
  /** Position in the upload, for error messages: `features[3]…`. */
  index: number;
  code: string;
  name: string;
  kind: string;
  /** Polygon or MultiPolygon, in EPSG:4326, rings closed, coordinates in range. */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export const AREA_UPLOAD_LIMITS = { features: 500, vertices: 2_000_000 } as const;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const KIND = /^[a-z][a-z0-9_-]{0,31}$/;
const WGS84_CRS = new Set([
  'EPSG:4326',
  'urn:ogc:def:crs:EPSG::4326',
  'urn:ogc:def:crs:OGC:1.3:CRS84',
  'urn:ogc:def:crs:OGC::CRS84',
]);

/**
 * Checks an uploaded GeoJSON FeatureCollection and lists every problem at once, by path
 * (`features[2].geometry.coordinates`). Self-intersections and the like are not errors here:
 * PostGIS repairs them, and the answer says which areas it repaired.
 */
export function parseAreaUpload(doc: unknown): AreaFeatureInput[] {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });
  if (!isObject(doc) || doc['type'] !== 'FeatureCollection' || !Array.isArray(doc['features'])) {
    throw DomainError.validation([
      {
        field: 'type',
        code: 'invalid_type',
        message: 'Upload a GeoJSON FeatureCollection with a "features" array.',
      },
    ]);
  }
  const crsName =
    isObject(doc['crs']) && isObject(doc['crs']['properties']) ? doc['crs']['properties']['name'] : undefined;
  if (doc['crs'] !== undefined && (typeof crsName !== 'string' || !WGS84_CRS.has(crsName))) {
    fail('crs', 'unsupported_crs', 'Coordinates must be WGS 84 longitude/latitude (EPSG:4326).');
  }
  const features = doc['features'] as unknown[];
  if (features.length === 0) fail('features', 'required', 'The collection has no features.');
  if (features.length > AREA_UPLOAD_LIMITS.features) {
    fail('features', 'too_many', `At most ${AREA_UPLOAD_LIMITS.features} areas per upload.`);
  }

  const parsed: AreaFeatureInput[] = [];
  const seen = new Set<string>();
  const budget = { vertices: 0 };
  features.slice(0, AREA_UPLOAD_LIMITS.features).forEach((feature, index) => {
    const at = `features[${index}]`;
    if (!isObject(feature) || feature['type'] !== 'Feature') {
      fail(at, 'invalid_type', 'Each item must be a GeoJSON Feature.');
      return;
    }
    const props = isObject(feature['properties']) ? feature['properties'] : {};
    const code = typeof props['code'] === 'string' ? props['code'].trim() : props['code'];
    const name = typeof props['name'] === 'string' ? props['name'].trim() : '';
    const kind = props['kind'] === undefined || props['kind'] === null ? 'district' : props['kind'];
    const errorsBefore = errors.length;
    if (typeof code !== 'string' || !CODE.test(code)) {
      fail(
        `${at}.properties.code`,
        'required',
        'Each area needs properties.code: letters, digits, ".", "-" or "_".',
      );
    } else if (seen.has(code)) {
      fail(`${at}.properties.code`, 'duplicate', `Code "${code}" appears twice in the upload.`);
    } else {
      seen.add(code);
    }
    if (!name || name.length > 200)
      fail(`${at}.properties.name`, 'required', 'Each area needs properties.name (up to 200 characters).');
    if (typeof kind !== 'string' || !KIND.test(kind)) {
      fail(
        `${at}.properties.kind`,
        'invalid_format',
        'properties.kind must be a short lower-case word, e.g. district.',
      );
    }
    const geometryProblem = checkGeometry(feature['geometry'], budget);
    if (geometryProblem)
      fail(`${at}.geometry${geometryProblem.path}`, geometryProblem.code, geometryProblem.message);
    if (errors.length === errorsBefore) {
      parsed.push({
        index,
        code: code as string,
        name,
        kind: kind as string,
        geometry: feature['geometry'] as AreaFeatureInput['geometry'],
      });
    }
  });
  if (budget.vertices > AREA_UPLOAD_LIMITS.vertices) {
    fail('features', 'too_large', `At most ${AREA_UPLOAD_LIMITS.vertices} vertices per upload.`);
  }
  if (errors.length) throw DomainError.validation(errors, 'Some areas in the upload are not valid.');
  return parsed;
}

interface GeometryProblem {
  path: string;
  code: string;
  message: string;
}

function checkGeometry(geometry: unknown, budget: { vertices: number }): GeometryProblem | null {
  if (!isObject(geometry)) return { path: '', code: 'required', message: 'Each area needs a geometry.' };
  const type = geometry['type'];
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return {
      path: '.type',
      code: 'not_polygon',
      message: `Areas must be Polygon or MultiPolygon (got ${String(type)}).`,
    };
  }
  const coordinates = geometry['coordinates'];
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) {
    return { path: '.coordinates', code: 'invalid_type', message: 'coordinates must be a non-empty array.' };
  }
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      return { path: '.coordinates', code: 'invalid_type', message: 'Each polygon needs at least one ring.' };
    }
    for (const ring of polygon) {
      const problem = checkRing(ring);
      if (problem) return { path: '.coordinates', ...problem };
      budget.vertices += (ring as unknown[]).length;
    }
  }
  return null;
}

function checkRing(ring: unknown): { code: string; message: string } | null {
  if (!Array.isArray(ring) || ring.length < 4) {
    return { code: 'invalid_ring', message: 'Each ring needs at least 4 positions (a closed triangle).' };
  }
  for (const position of ring) {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      position.length > 3 ||
      !position.every(isFiniteNumber)
    ) {
      return { code: 'invalid_position', message: 'Positions are [longitude, latitude] pairs of numbers.' };
    }
    const [lon, lat] = position as number[];
    if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
      return {
        code: 'out_of_range',
        message: `Position [${lon}, ${lat}] is not a longitude/latitude: is the file in EPSG:4326 (WGS 84)?`,
      };
    }
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return { code: 'ring_not_closed', message: 'Each ring must end where it starts.' };
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
