import { DomainError } from '@plaza/api/http';
import { encodeInboxCursor, parseInboxQuery } from './inbox.query';

function problemOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseInboxQuery', () => {
  it('defaults to every case, newest first, 50 per page', () => {
    expect(parseInboxQuery({})).toMatchObject({ queue: 'all', sort: 'newest', offset: 0, limit: 50, statuses: [] });
  });

  it('reads filters, several statuses and the cursor it gave out', () => {
    const filter = parseInboxQuery({
      queue: 'overdue',
      status: 'confirmed, in_progress',
      age: '7d',
      q: '  farola  ',
      sort: 'due',
      cursor: encodeInboxCursor(100),
      limit: '20',
    });
    expect(filter).toMatchObject({
      queue: 'overdue',
      statuses: ['confirmed', 'in_progress'],
      age: '7d',
      q: 'farola',
      sort: 'due',
      offset: 100,
      limit: 20,
    });
  });

  it('refuses unknown values, naming the parameter', () => {
    expect(problemOf(() => parseInboxQuery({ queue: 'mine' })).fieldErrors[0]).toMatchObject({ field: 'queue' });
    expect(problemOf(() => parseInboxQuery({ status: 'confirmed,open' })).fieldErrors[0]).toMatchObject({
      field: 'status',
    });
    expect(problemOf(() => parseInboxQuery({ department: 'limpieza' })).fieldErrors[0]).toMatchObject({
      field: 'department',
    });
    expect(problemOf(() => parseInboxQuery({ limit: '500' })).fieldErrors[0]).toMatchObject({ field: 'limit' });
    expect(problemOf(() => parseInboxQuery({ cursor: 'bm9wZQ' })).fieldErrors[0]).toMatchObject({ field: 'cursor' });
    expect(problemOf(() => parseInboxQuery({ q: ['a', 'b'] })).kind).toBe('invalid_request');
  });
});
