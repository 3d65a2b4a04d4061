import { DomainError } from '@plaza/api/http';
import { assertDispatchComplete, dispatchColumns } from './dispatch-settings';

const stored = {
  sendMethod: 'email' as const,
  open311Endpoint: 'https://x.example/v2',
  open311JurisdictionId: null,
  open311ServiceCodes: {},
  open311SendReporter: true,
  open311ApiKeySet: true,
};

function fieldOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as DomainError).fieldErrors[0]?.field ?? 'no-field';
  }
  return undefined;
}

describe('department send method settings', () => {
  it('trims, turns blanks into null, drops a trailing slash and leaves unsent fields alone', () => {
    expect(
      dispatchColumns({ sendMethod: 'open311', open311Endpoint: ' https://x.example/v2/ ', open311ApiKey: '  ', open311ServiceCodes: { farola: ' L1 ' } }),
    ).toEqual({
      send_method: 'open311',
      open311_endpoint: 'https://x.example/v2',
      open311_api_key: null,
      open311_jurisdiction_id: undefined,
      open311_service_codes: '{"farola":"L1"}',
      open311_send_reporter: undefined,
    });
  });

  it('reads null in a NOT NULL setting as "leave it as it is", never as a value to write', () => {
    const columns = dispatchColumns({ sendMethod: null, open311SendReporter: null } as unknown as Parameters<typeof dispatchColumns>[0]);
    expect(columns.send_method).toBeUndefined();
    expect(columns.open311_send_reporter).toBeUndefined();
  });

  it('refuses service codes for malformed categories or empty codes', () => {
    expect(fieldOf(() => dispatchColumns({ open311ServiceCodes: { 'Not A Code': 'X' } }))).toBe('open311ServiceCodes');
    expect(fieldOf(() => dispatchColumns({ open311ServiceCodes: { farola: ' ' } }))).toBe('open311ServiceCodes');
  });

  it('needs an endpoint and a key for Open311, counting what is already stored', () => {
    expect(fieldOf(() => assertDispatchComplete(null, { send_method: 'open311' }))).toBe('open311Endpoint');
    expect(fieldOf(() => assertDispatchComplete(null, { send_method: 'open311', open311_endpoint: 'https://x' }))).toBe('open311ApiKey');
    expect(fieldOf(() => assertDispatchComplete(stored, { send_method: 'open311' }))).toBeUndefined();
    expect(fieldOf(() => assertDispatchComplete({ ...stored, sendMethod: 'open311' }, { open311_api_key: null }))).toBe('open311ApiKey');
    expect(fieldOf(() => assertDispatchComplete(null, { send_method: 'email' }))).toBeUndefined();
  });
});
