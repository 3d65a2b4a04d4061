import type { ProposalSummary } from '@plaza/shared/contracts';
import { toMapProposals } from './useProposalLayer';

const base: ProposalSummary = {
  id: 1,
  title: 'Bancos a la sombra',
  summary: 'Más bancos bajo los árboles de la plaza.',
  theme: { code: 'urbanismo', name: 'Urbanismo' },
  status: 'published',
  area: null,
  location: [-3.7035, 40.4169],
  supports: 4,
  comments: 0,
  followers: 0,
  authorName: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  thumbnailUrl: null,
};

describe('proposals on the map', () => {
  it('draws proposals with a point, [lon, lat] read the GeoJSON way, and leaves city-wide ones to the list', () => {
    const items = toMapProposals({ items: [base, { ...base, id: 2, location: null }], total: 2, limit: 100, offset: 0 });
    expect(items).toEqual([
      { id: 1, title: base.title, summary: base.summary, status: 'published', supports: 4, lon: -3.7035, lat: 40.4169 },
    ]);
  });
});
