import {
  filtersToApiParams,
  formatView,
  parseExploreSearch,
  proposalLayerOn,
  writeExploreSearch,
  writeProposalLayer,
  NO_FILTERS,
} from './explore-url';

describe('explore URL state', () => {
  it('round-trips view and filters, keeping other parameters such as lang', () => {
    const filters = { categories: ['bache', 'farola'], statuses: ['open' as const], from: '2026-01-01', to: '2026-03-31' };
    const search = writeExploreSearch('?lang=en', { zoom: 15, lat: 40.416912345, lon: -3.70351234 }, filters);
    expect(search).toBe('?lang=en&map=15/40.41691/-3.70351&category=bache,farola&status=open&from=2026-01-01&to=2026-03-31');
    expect(parseExploreSearch(search)).toEqual({ view: { zoom: 15, lat: 40.41691, lon: -3.70351 }, filters });
  });

  it('drops what it cannot use instead of failing', () => {
    const parsed = parseExploreSearch('?map=99/1/2&category=bache,Nope!,bache&status=open,weird&from=2026-02-30&to=soon');
    expect(parsed).toEqual({ view: null, filters: { categories: ['bache'], statuses: ['open'], from: null, to: null } });
    expect(parseExploreSearch('?from=2026-03-01&to=2026-02-01').filters).toMatchObject({ from: '2026-03-01', to: null });
  });

  it('removes parameters whose filter is cleared', () => {
    expect(writeExploreSearch('?category=bache&status=fixed&lang=es', null, NO_FILTERS)).toBe('?lang=es');
    expect(writeExploreSearch('', null, NO_FILTERS)).toBe('');
  });

  it('rounds coarser at city zooms', () => {
    expect(formatView({ zoom: 12, lat: 40.416912, lon: -3.703512 })).toBe('12/40.4169/-3.7035');
  });

  it('expands status groups to API statuses, and sends nothing when every group is chosen', () => {
    expect(filtersToApiParams({ ...NO_FILTERS, statuses: ['fixed', 'closed'] }).get('status')).toBe(
      'fixed,closed,duplicate,not_responsible,unable_to_fix,internal_referral',
    );
    expect(filtersToApiParams({ ...NO_FILTERS, statuses: ['open', 'fixed', 'closed'] }).has('status')).toBe(false);
    expect(filtersToApiParams({ ...NO_FILTERS, categories: ['bache'], from: '2026-01-01' }).toString()).toBe('category=bache&from=2026-01-01');
  });

  it('keeps the proposals layer choice in the URL, on by default', () => {
    expect(proposalLayerOn('')).toBe(true);
    expect(proposalLayerOn('?proposals=0')).toBe(false);
    expect(proposalLayerOn('?proposals=yes')).toBe(true);
    const off = writeProposalLayer('?lang=en&map=15/40.41691/-3.70351', false);
    expect(off).toBe('?lang=en&map=15/40.41691/-3.70351&proposals=0');
    // Writing the view afterwards keeps the choice.
    expect(writeExploreSearch(off, { zoom: 14, lat: 40.4, lon: -3.7 }, NO_FILTERS)).toContain('proposals=0');
    expect(writeProposalLayer(off, true)).toBe('?lang=en&map=15/40.41691/-3.70351');
  });
});
