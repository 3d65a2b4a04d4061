import type { ProposalPage, ProposalStatus } from '@plaza/shared/contracts';
import { useEffect, useMemo, useState } from 'react';
import { getJson, isAbort } from '@plaza/web/api-client';
import { contains, pad, type BBox, type ViewportQuery } from './useExploreData';

/** The API's page limit: the most supported proposals around the view, enough for a city's map. */
export const PROPOSALS_LIMIT = 100;
const LOAD_PADDING = 0.25;

/** What the map needs of a proposal: a point to draw and words to name it. */
export interface MapProposal {
  id: number;
  title: string;
  summary: string;
  status: ProposalStatus;
  supports: number;
  lon: number;
  lat: number;
}

export interface ProposalLayerData {
  state: 'off' | 'loading' | 'ready' | 'error';
  /** Everything loaded (view plus margin): what the map draws. */
  markers: MapProposal[];
  /** Inside the visible bounds: the list. */
  visible: MapProposal[];
  /** More proposals matched around the view than were loaded. */
  truncated: boolean;
}

interface Loaded {
  bbox: BBox;
  items: MapProposal[];
  total: number;
}

const fixed = (bbox: BBox) => bbox.map((v) => v.toFixed(5)).join(',');

/** Only proposals with a point can be drawn; city-wide ones live in the proposals list. */
export function toMapProposals(page: ProposalPage): MapProposal[] {
  return page.items.flatMap((p) =>
    p.location
      ? [{ id: p.id, title: p.title, summary: p.summary, status: p.status, supports: p.supports, lon: p.location[0], lat: p.location[1] }]
      : [],
  );
}

/**
 * Proposals around the view, from `GET /api/v1/proposals?bbox=` (public statuses only: the API
 * leaves out withdrawn and hidden ones). Like the reports, a margin around the view is loaded, so
 * small pans need no request.
 */
export function useProposalLayer(query: ViewportQuery | null, enabled: boolean): ProposalLayerData {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const needsLoad = enabled && query !== null && !(loaded && contains(loaded.bbox, query.bbox));
  const bboxKey = query ? fixed(query.bbox) : '';

  useEffect(() => {
    if (!query || !needsLoad) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const around = pad(query.bbox, LOAD_PADDING);
      getJson<ProposalPage>(`/api/v1/proposals?bbox=${fixed(around)}&sort=supports&limit=${PROPOSALS_LIMIT}`, controller.signal).then(
        (page) => {
          setLoaded({ bbox: around, items: toMapProposals(page), total: page.total });
          setFailed(false);
        },
        (error: unknown) => {
          if (!isAbort(error)) setFailed(true);
        },
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [bboxKey, needsLoad]);

  return useMemo<ProposalLayerData>(() => {
    if (!enabled) return { state: 'off', markers: [], visible: [], truncated: false };
    const view = query?.bbox;
    const markers = loaded?.items ?? [];
    const visible = view
      ? markers.filter((p) => p.lon >= view[0] && p.lat >= view[1] && p.lon <= view[2] && p.lat <= view[3])
      : [];
    return {
      state: failed ? 'error' : needsLoad || !loaded ? 'loading' : 'ready',
      markers,
      visible,
      truncated: loaded ? loaded.total > loaded.items.length && loaded.total > PROPOSALS_LIMIT : false,
    };
  }, [enabled, loaded, bboxKey, failed, needsLoad]);
}
