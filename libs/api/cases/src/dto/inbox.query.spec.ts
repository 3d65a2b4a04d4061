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
    expect(parseInboxQuery({})).toMatchObject({ queue: 'all', sort: 'newest', after: null, limit: 50, statuses: [] });
  });

  it('reads filters, several statuses and the cursor it gave out', () => {
    const filter = parseInboxQuery({
      queue: 'overdue',
      status: 'confirmed, in_progress',
      age: '7d',
      q: '  farola  ',
      sort: 'due',
      cursor: encodeInboxCursor({ sort: 'due', key: ['2026-05-01 10:00:00.123+00', '42'] }),
      limit: '20',
    });
    expect(filter).toMatchObject({
      queue: 'overdue',
      statuses: ['confirmed', 'in_progress'],
      age: '7d',
      q: 'farola',
      sort: 'due',
      after: { sort: 'due', key: ['2026-05-01 10:00:00.123+00', '42'] },
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
    // A cursor from another sort, or with a forged key, is refused before it reaches SQL.
    const newest = encodeInboxCursor({ sort: 'newest', key: ['2026-05-01 10:00:00+00', '7'] });
    expect(problemOf(() => parseInboxQuery({ sort: 'due', cursor: newest })).fieldErrors[0]).toMatchObject({ field: 'cursor' });
    const forged = encodeInboxCursor({ sort: 'newest', key: ["'; DROP TABLE reports; --", '7'] });
    expect(problemOf(() => parseInboxQuery({ cursor: forged })).fieldErrors[0]).toMatchObject({ field: 'cursor' });
    expect(parseInboxQuery({ sort: 'priority', cursor: encodeInboxCursor({ sort: 'priority', key: ['2', 'infinity', '9'] }) }).after)
      .toEqual({ sort: 'priority', key: ['2', 'infinity', '9'] });
  });
});
