import { DomainError } from '@plaza/api/http';
import { parseExportFormat, parseExportQuery } from './open-data-query';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors[0]?.field;
    throw error;
  }
  return undefined;
}

describe('open-data query', () => {
  it('accepts no filter at all', () => {
    expect(parseExportQuery('reports', {})).toEqual({
      from: null,
      to: null,
      area: null,
      category: null,
      statuses: null,
    });
  });

  it('reads dates, codes and a list of public statuses', () => {
    expect(
      parseExportQuery('reports', {
        from: '2026-01-01',
        to: '2026-02-28',
        area: '01',
        category: 'bache',
        status: 'fixed,confirmed',
      }),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-02-28',
      area: '01',
      category: 'bache',
      statuses: ['fixed', 'confirmed'],
    });
  });

  it('names the field that is wrong', () => {
    expect(fieldOf(() => parseExportQuery('reports', { from: '2026-02-30' }))).toBe('from');
    expect(fieldOf(() => parseExportQuery('reports', { to: 'yesterday' }))).toBe('to');
    expect(fieldOf(() => parseExportQuery('reports', { from: '2026-03-01', to: '2026-02-01' }))).toBe('to');
    expect(fieldOf(() => parseExportQuery('reports', { area: 'x y' }))).toBe('area');
    expect(fieldOf(() => parseExportQuery('reports', { category: 'Bache!' }))).toBe('category');
    expect(fieldOf(() => parseExportQuery('reports', { from: ['2026-01-01', '2026-01-02'] }))).toBe('from');
  });

  it('never lets a private status be asked for', () => {
    expect(fieldOf(() => parseExportQuery('reports', { status: 'hidden' }))).toBe('status');
    expect(fieldOf(() => parseExportQuery('reports', { status: 'fixed,unconfirmed' }))).toBe('status');
    expect(fieldOf(() => parseExportQuery('proposals', { status: 'hidden' }))).toBe('status');
    expect(parseExportQuery('proposals', { status: 'accepted' }).statuses).toEqual(['accepted']);
  });

  it('knows two formats', () => {
    expect(parseExportFormat('csv')).toBe('csv');
    expect(parseExportFormat('geojson')).toBe('geojson');
    expect(() => parseExportFormat('xlsx')).toThrow(DomainError);
  });
});
