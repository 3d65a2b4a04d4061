/** One published column: its name (stable within a schema version) and what it holds. */
export interface Column<Row> {
  name: string;
  description: string;
  value: (row: Row) => string | number | null;
}

export interface OpenReportRow {
  id: string;
  ref: string;
  title: string;
  description: string;
  category: string;
  categoryName: string;
  status: string;
  area: string | null;
  areaName: string | null;
  department: string | null;
  departmentName: string | null;
  lat: number;
  lon: number;
  address: string | null;
  supportCount: number;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  fixedAt: string | null;
  responseBusinessDays: number | null;
  fixBusinessDays: number | null;
}

export interface OpenProposalRow {
  id: string;
  title: string;
  summary: string;
  theme: string;
  themeName: string;
  status: string;
  area: string | null;
  areaName: string | null;
  department: string | null;
  departmentName: string | null;
  lat: number | null;
  lon: number | null;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  updatedAt: string;
}

// Schema version 1 (OPEN_DATA_SCHEMA_VERSION). Never a reporter, author, contact or staff field.
export const REPORT_COLUMNS: ReadonlyArray<Column<OpenReportRow>> = [
  { name: 'ref', description: 'Public reference of the report, e.g. 2026-000123', value: (r) => r.ref },
  { name: 'title', description: 'Title, as published on the map', value: (r) => r.title },
  { name: 'description', description: 'Description, as published on the map', value: (r) => r.description },
  { name: 'category', description: 'Category code', value: (r) => r.category },
  {
    name: 'category_name',
    description: 'Category name in the requested language',
    value: (r) => r.categoryName,
  },
  { name: 'status', description: 'Status code (docs/open-data.md lists them)', value: (r) => r.status },
  { name: 'area', description: 'District code, empty outside every district', value: (r) => r.area },
  { name: 'area_name', description: 'District name', value: (r) => r.areaName },
  { name: 'department', description: 'Code of the department in charge', value: (r) => r.department },
  {
    name: 'department_name',
    description: 'Name of the department in charge',
    value: (r) => r.departmentName,
  },
  { name: 'lat', description: 'Latitude (WGS 84, 6 decimals)', value: (r) => r.lat },
  { name: 'lon', description: 'Longitude (WGS 84, 6 decimals)', value: (r) => r.lon },
  { name: 'address', description: 'Street address of the place, when known', value: (r) => r.address },
  { name: 'support_count', description: 'Citizens who said "me too"', value: (r) => r.supportCount },
  { name: 'created_at', description: 'Filed at (UTC, ISO 8601)', value: (r) => r.createdAt },
  { name: 'updated_at', description: 'Last changed at (UTC, ISO 8601)', value: (r) => r.updatedAt },
  {
    name: 'first_response_at',
    description: 'First public response from the city (UTC)',
    value: (r) => r.firstResponseAt,
  },
  { name: 'fixed_at', description: 'First marked fixed (UTC)', value: (r) => r.fixedAt },
  {
    name: 'response_business_days',
    description: 'Business days from filing to the first public response',
    value: (r) => r.responseBusinessDays,
  },
  {
    name: 'fix_business_days',
    description: 'Business days from filing to fixed',
    value: (r) => r.fixBusinessDays,
  },
];

export const PROPOSAL_COLUMNS: ReadonlyArray<Column<OpenProposalRow>> = [
  {
    name: 'id',
    description: 'Public number of the proposal (its page is /proposals/{id})',
    value: (p) => p.id,
  },
  { name: 'title', description: 'Title', value: (p) => p.title },
  { name: 'summary', description: 'Summary', value: (p) => p.summary },
  { name: 'theme', description: 'Theme code', value: (p) => p.theme },
  { name: 'theme_name', description: 'Theme name in the requested language', value: (p) => p.themeName },
  { name: 'status', description: 'Status code', value: (p) => p.status },
  { name: 'area', description: 'District code, empty when the proposal has none', value: (p) => p.area },
  { name: 'area_name', description: 'District name', value: (p) => p.areaName },
  { name: 'department', description: 'Code of the department that answers', value: (p) => p.department },
  {
    name: 'department_name',
    description: 'Name of the department that answers',
    value: (p) => p.departmentName,
  },
  { name: 'lat', description: 'Latitude (WGS 84), empty without a place', value: (p) => p.lat },
  { name: 'lon', description: 'Longitude (WGS 84), empty without a place', value: (p) => p.lon },
  { name: 'support_count', description: 'Supports', value: (p) => p.supportCount },
  { name: 'comment_count', description: 'Comments', value: (p) => p.commentCount },
  { name: 'created_at', description: 'Published at (UTC, ISO 8601)', value: (p) => p.createdAt },
  { name: 'updated_at', description: 'Last changed at (UTC, ISO 8601)', value: (p) => p.updatedAt },
];

/** Free-text columns: written through neutralizeFormula in CSV. */
export const FREE_TEXT_COLUMNS: ReadonlySet<string> = new Set(['title', 'description', 'summary', 'address']);
