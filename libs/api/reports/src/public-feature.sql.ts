/**
 * A public report's GeoJSON Feature as JSON text, built in SQL from the report's stored fragment
 * (`reports.public_fragment`, rendered by a trigger when the row is written: migration
 * ReportPublicFragments) closed with what lives in other tables. Every path that shows a report's
 * Feature (the map's pages, a report's detail, a filing's answer) builds it here, so they agree
 * byte for byte.
 *
 * Each piece is an SQL expression already rendered as JSON text (`null` included), e.g.
 * `to_json(c.code)::text`: the map's pages render the few categories, areas and departments of a
 * page once each instead of once per report (ReportsRepository).
 */
export interface FeatureParts {
  /** The reports row's alias. */
  report: string;
  category: string;
  area: string;
  department: string;
  photos: string;
}

export function publicFeatureSql({ report, category, area, department, photos }: FeatureParts): string {
  return `('{' || ${report}.public_fragment || ',"category":' || ${category} || ',"area":' || ${area}
          || ',"department":' || ${department} || ',"photos":' || ${photos} || '}}')`;
}

/** A name as JSON text: the JSON string, or `null`. */
export function jsonTextOrNull(expression: string): string {
  return `coalesce(to_json(${expression})::text, 'null')`;
}

/** A department's name in the locale, Spanish when it has none, as JSON text. */
export function departmentNameJson(alias: string, locale: string): string {
  return jsonTextOrNull(`coalesce(${alias}.name ->> ${locale}, ${alias}.name ->> 'es')`);
}

/** One photo of the Feature's `photos` array: its public URLs under the media base. */
export function photoJson(alias: string, mediaBase: string): string {
  return `'{"url":' || to_json(${mediaBase} || ${alias}.storage_key) || ',"thumbnailUrl":' || to_json(${mediaBase} || ${alias}.thumbnail_key) || '}'`;
}

/** The photos a citizen sees: processed and not hidden by moderation. */
export function shownPhoto(alias: string): string {
  return `${alias}.state = 'ready' AND NOT ${alias}.hidden`;
}

/** A report's shown photos as a JSON array text, in their order; `[]` when none. */
export function photosArraySql(reportId: string, mediaBase: string): string {
  return `coalesce((SELECT '[' || string_agg(${photoJson('p', mediaBase)}, ',' ORDER BY p.position) || ']'
                      FROM report_photos p WHERE p.report_id = ${reportId} AND ${shownPhoto('p')}), '[]')`;
}
