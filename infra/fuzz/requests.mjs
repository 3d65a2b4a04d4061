// Derives fuzzed requests from Plaza's OpenAPI document: every operation, with path parameters,
// query and body mutated towards what broke Plaza before (NUL, broken Unicode, huge and deeply
// nested values, wrong types, bogus multipart, over-long and badly encoded path segments).
// Pure and seeded: the same --seed gives the same requests.

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (items) => items[Math.floor(next() * items.length)];
  return { next, pick, chance: (p) => next() < p };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Operations of the document: method, path template, parameter names, declared body types. */
export function operationsOf(openapi) {
  const operations = [];
  for (const [template, item] of Object.entries(openapi.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        template,
        id: `${method.toUpperCase()} ${template}`,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyTypes: Object.keys(op.requestBody?.content ?? {}),
        open311: template.startsWith('/open311/'),
      });
    }
  }
  return operations;
}

/** Field names Plaza's bodies use, from the document's schemas plus the DTOs it does not describe. */
export function fieldNamesOf(openapi) {
  const names = new Set([
    'email', 'password', 'name', 'title', 'description', 'category', 'lat', 'lon', 'address', 'consent', 'reporter',
    'body', 'text', 'status', 'code', 'token', 'next', 'locale', 'role', 'roles', 'departments', 'department',
    'active', 'reason', 'note', 'priority', 'templateId', 'refs', 'action', 'radius', 'geometry', 'kind', 'subject',
    'showName', 'phone', 'currentPassword', 'newPassword', 'area', 'comment', 'visible', 'duplicateOf', 'date',
  ]);
  for (const schema of Object.values(openapi.components?.schemas ?? {})) {
    for (const name of Object.keys(schema.properties ?? {})) names.add(name);
  }
  return [...names];
}

/** A value a path parameter could plausibly hold, by its name. */
function plausiblePathValue(name, rnd) {
  if (name === 'format') return rnd.pick(['json', 'xml', 'atom', 'rss', 'csv', 'geojson']);
  if (name === 'ref') return rnd.pick(['2026-000001', '2026-000123', '2026-999999']);
  if (/id$/i.test(name)) return rnd.pick(['1', '2', '00000000-0000-4000-8000-000000000000']);
  if (name === 'code') return rnd.pick(['bache', 'farola', 'limpieza']);
  if (name === 'token') return 'x'.repeat(43);
  return 'x';
}

/** Path segments already percent-encoded as an attacker would send them. */
const PATH_MUTATIONS = [
  '%00', 'a%00b', '%07', '%0A', '%1B', '%ED%A0%80', '%E0%A4%A', '%C0%AF', '%F0%9F%98%80', '..%2F..%2Fetc%2Fpasswd',
  '-1', '0', '99999999999999999999', '1e309', 'NaN', '%20', "'%3B%20DROP%20TABLE%20reports--", '%25', 'null', '[]',
];

function pathValue(name, rnd) {
  const roll = rnd.next();
  if (roll < 0.35) return encodeURIComponent(plausiblePathValue(name, rnd));
  if (roll < 0.45) return 'a'.repeat(rnd.pick([150, 999, 1200, 5000])); // over maxParamLength: 414
  return rnd.pick(PATH_MUTATIONS);
}

/** Query values, encoded. */
const QUERY_MUTATIONS = [
  '', '%00', 'x%00', '%01%02', '%ED%A0%80', '%E0%A4%A', '-1', '0', '1e309', 'NaN', 'Infinity', '-3.71,40.41,-3.70,40.42',
  '999,999,999,999', ',,,', 'true', '%5B%5D', '%7B%7D', '2026-13-45', '2026-01-01T00:00:00Z', 'es', 'zz', 'open',
  'fixed', 'bache', '<script>alert(1)</script>', "'%20OR%201=1--",
];

function queryValue(rnd) {
  if (rnd.chance(0.08)) return 'q'.repeat(rnd.pick([1000, 5000, 20000]));
  return rnd.pick(QUERY_MUTATIONS);
}

/** A JSON value of the wrong kind, or a right-looking one with poisoned text. */
function mutatedValue(rnd, depth = 0) {
  const kind = rnd.next();
  if (kind < 0.15) return rnd.pick(['\u0000', 'a\u0000b', '\u0007bell', '\u001b[31m', '\ud800', 'x\udfff', 'ok\u2028', '😀']);
  if (kind < 0.22) return 'x'.repeat(rnd.pick([300, 5000, 100_000]));
  if (kind < 0.3) return rnd.pick([-1, 0, 1.5, 1e308, -1e308, 2 ** 53, 40.4169, -3.7035]);
  if (kind < 0.36) return rnd.pick([true, false, null]);
  if (kind < 0.42) return depth < 2 ? [mutatedValue(rnd, depth + 1), mutatedValue(rnd, depth + 1)] : [];
  if (kind < 0.48) return depth < 2 ? { name: mutatedValue(rnd, depth + 1), email: mutatedValue(rnd, depth + 1) } : {};
  if (kind < 0.52) return JSON.parse(rnd.pick(['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}']));
  return rnd.pick(['Bache en la calzada', 'ana@example.org', 'demo-plaza-2026', 'bache', 'es', 'confirmed', '', ' ']);
}

function jsonObjectBody(fields, rnd) {
  const body = {};
  const count = 1 + Math.floor(rnd.next() * 6);
  for (let i = 0; i < count; i++) body[rnd.pick(fields)] = mutatedValue(rnd);
  if (rnd.chance(0.2)) body[`unknown_${Math.floor(rnd.next() * 1000)}`] = 'x';
  return body;
}

const deep = (levels, open, close, inner) => `${open.repeat(levels)}${inner}${close.repeat(levels)}`;

/** A body (and its Content-Type) for an unsafe request. */
function bodyFor(op, fields, rnd) {
  const roll = rnd.next();
  if (roll < 0.45) {
    const body = jsonObjectBody(fields, rnd);
    return { contentType: 'application/json', body: JSON.stringify(body) };
  }
  if (roll < 0.52) return { contentType: 'application/json', body: `{"${rnd.pick(fields)}":${deep(rnd.pick([40, 1000, 10_000]), '{"a":', '}', '1')}}` };
  if (roll < 0.56) return { contentType: 'application/json', body: deep(rnd.pick([40, 10_000, 100_000]), '[', ']', '') };
  if (roll < 0.62) {
    return { contentType: 'application/json', body: rnd.pick(['', '{', '{"a":', 'null', '[]', '"text"', '1', '{"a":1}}', '\u0000', '{"a":"\\ud800"}']) };
  }
  if (roll < 0.7) {
    // Bogus multipart: no boundary, an empty or over-long one, or a boundary the body never has.
    const contentType = rnd.pick([
      'multipart/form-data',
      'multipart/form-data; boundary=',
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
      'multipart/form-data; boundary=zzz',
      'multipart/form-data; boundary="unterminated',
    ]);
    return { contentType, body: rnd.pick(['', 'garbage', '--zzz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx']) };
  }
  if (roll < 0.8) {
    const form = new FormData();
    const count = 1 + Math.floor(rnd.next() * 5);
    for (let i = 0; i < count; i++) {
      const value = mutatedValue(rnd);
      form.append(rnd.pick([...fields, 'reporter[email]', 'reporter[name]', '__proto__[x]', 'a[b][c][d]']), typeof value === 'string' ? value : JSON.stringify(value));
    }
    if (rnd.chance(0.5)) {
      const bytes = new Uint8Array(rnd.pick([10, 2000, 50_000]));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd.next() * 256);
      form.append(rnd.pick(['photos', 'images', 'file', 'other']), new Blob([bytes], { type: rnd.pick(['image/jpeg', 'image/png', 'text/plain']) }), 'x.jpg');
    }
    return { contentType: null, body: form };
  }
  if (roll < 0.85) return { contentType: 'application/x-www-form-urlencoded', body: `${rnd.pick(fields)}=%00&x=${'y'.repeat(100)}` };
  if (roll < 0.9) return { contentType: rnd.pick(['text/plain', 'application/xml', 'image/png', 'application/json; charset=latin1', 'bogus']), body: 'hola' };
  if (roll < 0.93) return { contentType: 'application/json', body: `{"title":"${'x'.repeat(1_100_000)}"}` }; // over the body limit: 413
  return { contentType: null, body: undefined };
}

/**
 * One fuzzed request for an operation: `{ method, url, headers, body, op }`. Most carry one
 * mutation; some are left plausible so the operation's deeper code runs too.
 */
export function fuzzedRequest(op, fields, rnd) {
  let url = op.template;
  for (const name of op.pathParams) url = url.replace(`{${name}}`, pathValue(name, rnd));
  // Templates like /feeds/reports.{format} may hold a placeholder the parameters list missed.
  url = url.replace(/\{[^}]+\}/g, () => pathValue('format', rnd));
  const query = [];
  const names = rnd.chance(0.3) ? [...op.queryParams, 'unknown', 'lang'] : op.queryParams;
  for (const name of names) if (rnd.chance(0.6)) query.push(`${encodeURIComponent(name)}=${queryValue(rnd)}`);
  if (rnd.chance(0.05) && op.queryParams[0]) query.push(`${op.queryParams[0]}=1`, `${op.queryParams[0]}=2`); // repeated: an array
  if (query.length > 0) url += `?${query.join('&')}`;

  const headers = {};
  if (rnd.chance(0.02)) headers['x-padding'] = 'p'.repeat(20_000); // over Node's header limit: 431
  if (rnd.chance(0.05)) headers['accept-language'] = rnd.pick(['\u00ff', 'zz-ZZ;q=abc', 'x'.repeat(500)]);
  let body;
  if (UNSAFE.has(op.method)) {
    const made = bodyFor(op, fields, rnd);
    body = made.body;
    if (made.contentType) headers['content-type'] = made.contentType;
  }
  return { method: op.method, url, headers, body, op };
}
