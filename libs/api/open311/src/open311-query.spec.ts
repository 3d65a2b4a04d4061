import { parseRequestsQuery, parseWindow } from './open311-query';
import { Open311Error } from './open311.errors';

const now = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

describe('GET requests arguments', () => {
  it('defaults to the most recent 90 days and 1000 requests', () => {
    const q = parseRequestsQuery({}, now);
    expect(q).toMatchObject({ ids: null, serviceCodes: [], statuses: [], limit: 1000 });
    expect(q.window.end).toEqual(now);
    expect(now.getTime() - q.window.start.getTime()).toBe(90 * DAY);
  });

  it('reads comma-delimited and repeated lists, empty meaning absent', () => {
    expect(
      parseRequestsQuery(
        {
          service_request_id: '2026-000001, 2026-000002',
          service_code: ['bache', 'farola,acera'],
          status: 'open,closed',
        },
        now,
      ),
    ).toMatchObject({
      ids: ['2026-000001', '2026-000002'],
      serviceCodes: ['bache', 'farola', 'acera'],
      statuses: ['open', 'closed'],
    });
    expect(parseRequestsQuery({ service_request_id: '', status: '' }, now)).toMatchObject({
      ids: null,
      statuses: [],
    });
  });

  it('takes 90 days after start_date, or before end_date', () => {
    const start = parseWindow({ start_date: '2026-01-01T00:00:00Z' }, now);
    expect(start.end.getTime() - start.start.getTime()).toBe(90 * DAY);
    const end = parseWindow({ end_date: '2026-03-01T00:00:00+01:00' }, now);
    expect(end.end.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(end.end.getTime() - end.start.getTime()).toBe(90 * DAY);
    expect(parseWindow({ start_date: '2026-05-30T00:00:00Z' }, now).end).toEqual(now);
  });

  it.each([
    [{ status: 'pending' }, 'status'],
    [{ start_date: '2026-01-01', end_date: '2026-06-01' }, 'end_date'],
    [{ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, 'end_date'],
    [{ start_date: 'last week' }, 'start_date'],
    [{ end_date: '2026-01-01T00:00:00' }, 'end_date'],
  ])('refuses %j with a 400 naming %s', (query, code) => {
    expect(() => parseRequestsQuery(query, now)).toThrow(Open311Error);
    try {
      parseRequestsQuery(query, now);
    } catch (error) {
      expect((error as Open311Error).errors[0]?.code).toBe(code);
    }
  });
});
