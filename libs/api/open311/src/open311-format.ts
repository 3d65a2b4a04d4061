import { XmlWriter } from '@plaza/api/xml';

/**
 * GeoReport v2 documents are described once, as the JSON value, and written as XML by the Spark
 * convention the spec uses (https://wiki.open311.org/JSON_and_XML_Conversion): a JSON array is an
 * XML container whose children carry the singular name (`services` → `service`, `service_requests`
 * → `request`), an object is an element with one child per key, in order, and null is an empty
 * element.
 */
export type Open311Format = 'xml' | 'json';

export type SparkValue = string | number | boolean | null | SparkValue[] | { [name: string]: SparkValue };

export interface Open311Document {
  /** Name of the XML root element; JSON has no root. */
  root: string;
  body: SparkValue;
}

export const OPEN311_CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_requests_updates: 'request_update',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

export function isOpen311Format(value: string): value is Open311Format {
  return value === 'xml' || value === 'json';
}

/** The format a URL asks for by its extension; XML, the spec's required format, for anything else. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}

export function serialize(document: Open311Document, format: Open311Format): string {
  if (format === 'json') return JSON.stringify(document.body);
  const xml = new XmlWriter();
  writeValue(xml, document.root, document.body);
  return xml.toString();
}

function writeValue(xml: XmlWriter, name: string, value: SparkValue): void {
  if (Array.isArray(value)) {
    xml.start(name);
    const child = SINGULAR[name] ?? name.replace(/s$/, '');
    for (const item of value) writeValue(xml, child, item);
    xml.end();
  } else if (value !== null && typeof value === 'object') {
    xml.start(name);
    for (const [key, inner] of Object.entries(value)) writeValue(xml, key, inner);
    xml.end();
  } else {
    xml.leaf(name, value);
  }
}
