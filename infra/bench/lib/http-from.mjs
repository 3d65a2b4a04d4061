// HTTP requests from a chosen loopback source address (127.0.0.2, 127.0.1.7…): Linux routes all
// of 127/8 to the loopback interface, so each address is a different client to the API's per-IP
// limits. Built on node:http (fetch cannot pick its source address without undici's Agent).
import http from 'node:http';

const agents = new Map();

function agentFor(localAddress) {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, localAddress });
    agents.set(localAddress, agent);
  }
  return agent;
}

/** Answers { status, headers, body } (body as text). */
export function request(url, { method = 'GET', headers = {}, body, from = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: agentFor(from) }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export function postJson(url, json, options = {}) {
  return request(url, {
    ...options,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
    body: JSON.stringify(json),
  });
}

export function closeAgents() {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
