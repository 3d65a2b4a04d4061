import { DomainError } from '@plaza/api/http';
import { cellDegreesForZoom, parseClusterQuery } from './cluster.query';
import { parseReportFilters } from './report-filters.query';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors[0]?.field;
    throw error;
  }
  return undefined;
};

describe('parseReportFilters', () => {
  it('reads whole UTC days: `to` includes its day', () => {
    const filters = parseReportFilters({ from: '2026-03-01', to: '2026-03-31' });
    expect(filters.from?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(filters.until?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('takes zoned timestamps as they are', () => {
    const filters = parseReportFilters({ from: '2026-03-01T10:00:00+01:00' });
    expect(filters.from?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(filters.until).toBeNull();
  });

  it.each([
    [{ from: '2026-02-29' }, 'from'],
    [{ to: '2026-00-10' }, 'to'],
    [{ from: '10/03/2026' }, 'from'],
    [{ from: '2026-03-01T10:00' }, 'from'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
    [{ category: 'Bache!' }, 'category'],
    [{ status: 'unconfirmed' }, 'status'],
  ])('refuses %j naming %s', (raw, field) => {
    expect(fieldOf(() => parseReportFilters(raw))).toBe(field);
  });

  it('accepts a single day and both list spellings', () => {
    expect(fieldOf(() => parseReportFilters({ from: '2024-02-29', to: '2024-02-29' }))).toBeUndefined();
    expect(parseReportFilters({ category: ['bache,farola', 'acera'] }).categories).toEqual(['bache', 'farola', 'acera']);
  });
});

describe('cluster cells', () => {
  it('halves the cell side at each zoom level, about 60 px on screen', () => {
    expect(cellDegreesForZoom(0)).toBeCloseTo(84.375, 6);
    expect(cellDegreesForZoom(13) / cellDegreesForZoom(14)).toBeCloseTo(2, 10);
  });

  it('refuses boxes with more than 256 cells across', () => {
    expect(fieldOf(() => parseClusterQuery({ bbox: '-4,40,-3,41', zoom: '15' }))).toBe('bbox');
    expect(parseClusterQuery({ bbox: '-4,40,-3,41', zoom: '14' }).zoom).toBe(14);
  });
});
