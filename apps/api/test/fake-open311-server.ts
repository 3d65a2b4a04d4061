// A department's external Open311 (GeoReport v2) system, for the dispatch tests: it takes requests
// (form-encoded POST), answers GET requests by id and tokens, and can be switched down.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  id: string;
  form: Record<string, string>;
  status: 'open' | 'closed';
  statusNotes: string | null;
}

export interface FakeOpen311 {
  /** `http://127.0.0.1:<port>/georeport/v2` */
  endpoint: string;
  apiKey: string;
  requests: FakeRequest[];
  /** 'refuse' drops every connection, 'error' answers 503, 'up' works. */
  mode: 'up' | 'refuse' | 'error';
  /** Answer POSTs with a token, resolved on GET tokens/{token} only after `releaseTokens`. */
  answerWithToken: boolean;
  releaseTokens: boolean;
  gets: string[];
  close(): Promise<void>;
}

const SERVICE_CODES = new Set(['LIGHT-01', 'farola', 'limpieza']);

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeOpen311(apiKey = 'external-key-1'): Promise<FakeOpen311> {
  const state = { requests: [] as FakeRequest[], gets: [] as string[], mode: 'up', answerWithToken: false, releaseTokens: false };
  const send = (res: import('node:http').ServerResponse, status: number, json: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  };
  const server: Server = createServer(async (req, res) => {
    if (state.mode === 'refuse') return void req.socket.destroy();
    if (state.mode === 'error') return send(res, 503, [{ code: 503, description: 'Maintenance' }]);
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'POST' && url.pathname === '/georeport/v2/requests.json') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return send(res, 400, [{ code: 400, description: 'form expected' }]);
      const form = Object.fromEntries(new URLSearchParams(await body(req)));
      if (form['api_key'] !== apiKey) return send(res, 403, [{ code: 403, description: 'Invalid api_key' }]);
      if (!SERVICE_CODES.has(form['service_code'] ?? '')) return send(res, 400, [{ code: 400, description: 'service_code not found' }]);
      const request: FakeRequest = { id: `EXT-${state.requests.length + 1}`, form, status: 'open', statusNotes: null };
      state.requests.push(request);
      return send(res, 201, [state.answerWithToken ? { token: `tok-${request.id}` } : { service_request_id: request.id, service_notice: '' }]);
    }
    if (req.method === 'GET' && url.pathname === '/georeport/v2/requests.json') {
      state.gets.push(url.search);
      const ids = (url.searchParams.get('service_request_id') ?? '').split(',');
      return send(
        res,
        200,
        state.requests
          .filter((r) => ids.includes(r.id))
          .map((r) => ({ service_request_id: r.id, status: r.status, status_notes: r.statusNotes, updated_datetime: '2026-03-02T10:00:00Z' })),
      );
    }
    const token = /^\/georeport\/v2\/tokens\/tok-(.+)\.json$/.exec(url.pathname);
    if (req.method === 'GET' && token) {
      return send(res, 200, [{ token: `tok-${token[1]}`, service_request_id: state.releaseTokens ? token[1] : null }]);
    }
    send(res, 404, [{ code: 404, description: 'Not found' }]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state as Omit<FakeOpen311, 'endpoint' | 'apiKey' | 'close'>, {
    endpoint: `http://127.0.0.1:${port}/georeport/v2`,
    apiKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeOpen311;
}
