import type {
  CommentThread,
  CommentView,
  FlagInput,
  FlagResult,
  FollowState,
  NewCommentInput,
  PlaceView,
  SessionView,
  SupportResult,
} from '@plaza/shared/contracts';
import { createContext, useContext, type ReactNode } from 'react';

/** A discussion thread's calls (`base`: `/api/v1/proposals/12` or `/api/v1/reports/2026-000123`). */
export interface ThreadApi {
  comments(base: string, signal?: AbortSignal): Promise<CommentThread>;
  comment(base: string, session: SessionView, input: NewCommentInput): Promise<CommentView>;
  edit(id: number, session: SessionView, body: string): Promise<CommentView>;
  remove(id: number, session: SessionView): Promise<CommentView>;
  following(base: string, signal?: AbortSignal): Promise<FollowState>;
  follow(base: string, session: SessionView, on: boolean): Promise<FollowState>;
  flag(session: SessionView, input: FlagInput): Promise<FlagResult>;
}

/**
 * What the shared widgets (comments, follow and flag, "me too", place search) ask of the API. The
 * app provides @plaza/map/data-access's implementation once, so these components stay presentational
 * and two features can show them without importing each other.
 */
export interface MapUiApi {
  thread: ThreadApi;
  searchPlaces(query: string, signal?: AbortSignal): Promise<PlaceView[]>;
  /** Counts this browser's "me too" for a report (anonymous, once per browser). */
  supportReport(reference: string): Promise<SupportResult>;
  hasSupported(reference: string): boolean;
}

const MapUiApiContext = createContext<MapUiApi | null>(null);

export function MapUiApiProvider({ api, children }: { api: MapUiApi; children: ReactNode }) {
  return <MapUiApiContext.Provider value={api}>{children}</MapUiApiContext.Provider>;
}

export function useMapUiApi(): MapUiApi {
  const api = useContext(MapUiApiContext);
  if (!api) throw new Error('useMapUiApi must be used inside <MapUiApiProvider>');
  return api;
}
