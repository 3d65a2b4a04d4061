import { PermanentDeliveryError } from '@plaza/api/outbox';
import { encodeRequestForm, endpointBase, errorDescription, isRetryableStatus, parseCreated, parseStatuses } from './georeport-client';

const request = {
  apiKey: 'k&y=1',
  jurisdictionId: 'city.example',
  serviceCode: 'LIGHT',
  lat: 40.4168,
  long: -3.7038,
  addressString: 'Calle Mayor 1',
  description: 'Farola apagada',
  mediaUrl: null,
  reporter: { name: 'Ana María López', email: 'ana@example.org', phone: '600000000' },
};

describe('GeoReport v2 client', () => {
  it('form-encodes a request with the specification’s field names', () => {
    const body = encodeRequestForm(request).toString();
    expect(body).toBe(
      'api_key=k%26y%3D1&jurisdiction_id=city.example&service_code=LIGHT&lat=40.4168&long=-3.7038&address_string=Calle+Mayor+1' +
        '&description=Farola+apagada&first_name=Ana&last_name=Mar%C3%ADa+L%C3%B3pez&email=ana%40example.org&phone=600000000',
    );
  });

  it('leaves out the reporter and the jurisdiction when there are none, and caps the description', () => {
    const form = encodeRequestForm({ ...request, jurisdictionId: null, reporter: null, description: 'x'.repeat(5000) });
    expect([...form.keys()]).toEqual(['api_key', 'service_code', 'lat', 'long', 'address_string', 'description']);
    expect(form.get('description')).toHaveLength(4000);
  });

  it('retries only what can succeed later', () => {
    expect([500, 502, 503, 408, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });

  it('reads ids, tokens, statuses and error descriptions', () => {
    expect(parseCreated([{ service_request_id: '638344', service_notice: '' }])).toEqual({ serviceRequestId: '638344' });
    expect(parseCreated([{ service_request_id: 77 }])).toEqual({ serviceRequestId: '77' });
    expect(parseCreated([{ token: 'abc' }])).toEqual({ token: 'abc' });
    expect(parseCreated([{ service_notice: 'thanks' }])).toBeNull();
    expect(parseCreated({})).toBeNull();
    expect(errorDescription('[{"code":400,"description":"service_code not found"}]')).toBe('service_code not found');
    expect(errorDescription('<html>')).toBeNull();
    expect(
      parseStatuses([
        { service_request_id: '1', status: 'closed', status_notes: ' Hecho ', updated_datetime: '2026-11-23T10:00:00Z' },
        { service_request_id: '2', status: 'weird' },
        { status: 'open' },
      ]),
    ).toEqual([{ serviceRequestId: '1', status: 'closed', statusNotes: 'Hecho', updatedDatetime: '2026-11-23T10:00:00Z' }]);
    expect(endpointBase('https://x.example/open311/v2//')).toBe('https://x.example/open311/v2');
    expect(new PermanentDeliveryError('x').name).toBe('PermanentDeliveryError');
  });
});
