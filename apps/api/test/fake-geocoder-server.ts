// A Nominatim-compatible address service for the tests, on a free local port: it answers /search
// and /reverse from a small table of Madrid places and records every request it gets, so a test
// can check what Plaza sends (and what it must not).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGeocoder {
  url: string;
  requests: Array<{ path: string; params: URLSearchParams; headers: http.IncomingHttpHeaders }>;
  /** Answers slower than Plaza waits, or fails, from now on. */
  misbehave(mode: 'slow' | 'error' | null): void;
  close(): Promise<void>;
}

const PLACES = [
  { name: 'Puerta del Sol', lat: '40.416870', lon: '-3.703790', address: { road: 'Puerta del Sol', house_number: '1', city: 'Madrid' } },
  { name: 'Calle Mayor', lat: '40.415500', lon: '-3.709000', address: { road: 'Calle Mayor', house_number: '12', city: 'Madrid' } },
  // Outside Madrid's box: a service that ignores `bounded` must not leak it into the results.
  { name: 'Calle Mayor', lat: '41.650000', lon: '-0.880000', address: { road: 'Calle Mayor', city: 'Zaragoza' } },
];

export async function startFakeGeocoder(): Promise<FakeGeocoder> {
  let mode: 'slow' | 'error' | null = null;
  const requests: FakeGeocoder['requests'] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    requests.push({ path: url.pathname, params: url.searchParams, headers: request.headers });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (mode === 'error') return send(503, { error: 'down' });
    const answer = () => {
      if (url.pathname === '/search') {
        const q = (url.searchParams.get('q') ?? '').toLowerCase();
        return send(200, PLACES.filter((p) => p.name.toLowerCase().includes(q)).map((p) => ({ ...p, display_name: `${p.name}, ${p.address.city}` })));
      }
      if (url.pathname === '/reverse') {
        const lat = Number(url.searchParams.get('lat'));
        const near = PLACES.find((p) => Math.abs(Number(p.lat) - lat) < 0.001);
        return send(200, near ?? { error: 'Unable to geocode' });
      }
      return send(404, { error: 'not found' });
    };
    if (mode === 'slow') setTimeout(answer, 3_000);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    misbehave: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
