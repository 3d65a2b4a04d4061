import { XMLParser } from 'fast-xml-parser';
import { formatOfUrl, serialize } from './open311-format';

describe('Open311 documents (Spark convention)', () => {
  const doc = {
    root: 'service_requests',
    body: [
      { service_request_id: '2026-000001', status: 'open', status_notes: null, lat: 40.4, metadata: false },
    ],
  };

  it('writes JSON without the root, null kept', () => {
    expect(JSON.parse(serialize(doc, 'json'))).toEqual([
      { service_request_id: '2026-000001', status: 'open', status_notes: null, lat: 40.4, metadata: false },
    ]);
  });

  it('writes XML with the singular element names the spec uses, in key order', () => {
    const xml = serialize(doc, 'xml');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests>\n {2}<request>\n {4}<service_request_id>2026-000001<\/service_request_id>/,
    );
    expect(xml).toContain('<status_notes/>');
    expect(xml).toContain('<metadata>false</metadata>');
    expect(xml.indexOf('<status>')).toBeLessThan(xml.indexOf('<lat>'));
    const nested = serialize(
      {
        root: 'discovery',
        body: { endpoints: [{ formats: ['text/xml', 'application/json'] }], errors: [{ code: 1 }] },
      },
      'xml',
    );
    const parsed = new XMLParser().parse(nested);
    expect(parsed.discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
    expect(parsed.discovery.errors.error.code).toBe(1);
    expect(serialize({ root: 'service_requests_updates', body: [{ a: 1 }] }, 'xml')).toContain(
      '<request_update>',
    );
  });

  it('reads the format from the URL, XML unless .json', () => {
    expect(formatOfUrl('/open311/v2/services.json?x=.xml')).toBe('json');
    expect(formatOfUrl('/open311/v2/services.xml')).toBe('xml');
    expect(formatOfUrl('/open311/v2/services.html')).toBe('xml');
  });
});
