import type { ReportStatus } from './report-status';

export interface ReporterInput {
  name: string;
  email: string;
  phone?: string;
  showName: boolean;
}

/** Body of `POST /api/v1/reports` (JSON, or the same fields as multipart form data). */
export interface CreateReportInput {
  category: string;
  title: string;
  description: string;
  lat: number;
  lon: number;
  address?: string;
  reporter: ReporterInput;
  consent: true;
}

export interface PhotoView {
  url: string;
  thumbnailUrl: string;
}

/** Public properties of a report; nothing here may identify the reporter unless they chose to show their name. */
export interface ReportProperties {
  ref: string;
  title: string;
  description: string;
  category: string;
  status: ReportStatus;
  area: string | null;
  department: string | null;
  address: string | null;
  reporterName: string | null;
  createdAt: string;
  updatedAt: string;
  /** Processed photos only: an upload appears here once the photo worker has re-encoded it. */
  photos: PhotoView[];
  /** Photos uploaded and still being processed (shown as "photo being processed"); absent means 0. */
  photosProcessing?: number;
  /** Anonymous "me too" count (POST /reports/{ref}/supports). */
  supports: number;
}

export interface TimelineEntryView {
  at: string;
  /** `citizen`, `city` or `system`: the public never learns which staff member acted. */
  actor: 'citizen' | 'city' | 'system';
  from: ReportStatus | null;
  to: ReportStatus;
  message: string | null;
}

export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
}

export interface ReportFeature {
  type: 'Feature';
  id: string;
  geometry: PointGeometry;
  properties: ReportProperties;
}

/**
 * Answer of `POST /api/v1/reports`: the report, and whether it waits for its reporter. A report
 * filed without a session is seen by nobody until the link mailed to its reporter is followed.
 */
export interface FiledReportFeature extends ReportFeature {
  awaitingConfirmation: boolean;
  /** The photos of this request, in form order: processed off the request path, `pending` at first. */
  photoUploads?: PhotoUpload[];
}

/** Where one uploaded photo stands: `pending` until processed, then `ready` (public) or `failed` (staff see why). */
export type PhotoState = 'pending' | 'ready' | 'failed';

export interface PhotoUpload {
  id: string;
  state: PhotoState;
}

/** Answer of `POST /api/v1/reports/confirm/{token}` (no session needed: the token is the proof). */
export interface ReportConfirmationResult {
  ref: string;
  status: ReportStatus;
  /** On the public map now; false while the city moderates it before publication. */
  public: boolean;
  /** The link had already been followed: nothing changed this time. */
  alreadyConfirmed: boolean;
}

export interface ReportDetailFeature extends ReportFeature {
  properties: ReportProperties & {
    timeline: TimelineEntryView[];
    /** A report closed as a duplicate: the public report it duplicates (its ref), else null. */
    duplicateOf: string | null;
  };
}

export interface ReportCollection {
  type: 'FeatureCollection';
  features: ReportFeature[];
  /** Opaque cursor for the next page, or null at the end. */
  nextCursor: string | null;
}

export interface NearbyReportView {
  ref: string;
  title: string;
  category: string;
  status: ReportStatus;
  distanceMeters: number;
  createdAt: string;
  supports: number;
}
