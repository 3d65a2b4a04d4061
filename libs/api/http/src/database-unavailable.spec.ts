import { isDatabaseUnavailable } from './database-unavailable';
import { toProblem } from './problem-mapping';

const withProps = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

describe('isDatabaseUnavailable', () => {
  it('recognises refused and dropped connections, pool timeouts and server shutdowns', () => {
    expect(isDatabaseUnavailable(withProps('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(withProps('terminating connection due to administrator command', { code: '57P01', severity: 'FATAL' }))).toBe(true);
    expect(isDatabaseUnavailable(withProps('the database system is starting up', { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(withProps('database "x" is not currently accepting connections', { code: '55000', severity: 'FATAL' }))).toBe(true);
    // TypeORM's QueryFailedError keeps pg's error as driverError.
    expect(isDatabaseUnavailable(withProps('Query failed', { driverError: withProps('x', { code: '08006' }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withProps('x', { code: 'ECONNREFUSED' })]))).toBe(true);
  });

  it('leaves query bugs and bad data alone', () => {
    expect(isDatabaseUnavailable(withProps('relation "x" does not exist', { code: '42P01', severity: 'ERROR' }))).toBe(false);
    expect(isDatabaseUnavailable(withProps('duplicate key', { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'feature')"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('becomes a 503 problem with Retry-After that hides the cause', () => {
    const answer = toProblem(withProps('connect ECONNREFUSED 10.0.0.5:5432', { code: 'ECONNREFUSED' }), { requestId: 'r' });
    expect(answer.problem).toMatchObject({ status: 503, code: 'SERVER.DATABASE_UNAVAILABLE' });
    expect(answer.retryAfterSeconds).toBeGreaterThan(0);
    expect(JSON.stringify(answer.problem)).not.toContain('10.0.0.5');
  });
});
