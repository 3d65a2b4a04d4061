import { describe, expect, it } from '@jest/globals';
import { readOpenDataConfig } from '@plaza/api/config';
import { buildCatalog } from './catalog';

const empty = { start: null, end: null, modified: null };

describe('buildCatalog', () => {
  it("names the configured licence and publisher, and leaves out a DIR3 code or territory the city did not give", () => {
    const { openData } = readOpenDataConfig({ OPEN_DATA_LICENCE: 'CC0-1.0', OPEN_DATA_PUBLISHER: 'Concello de Proba' }, []);
    const catalog = buildCatalog('https://plaza.example.org/', { reports: empty, proposals: empty }, openData);
    expect(catalog['dct:license']).toEqual({ '@id': 'https://creativecommons.org/publicdomain/zero/1.0/' });
    expect(catalog['dct:publisher']).toEqual(
      expect.objectContaining({
        '@id': 'https://plaza.example.org/api/v1/open-data/catalog.json#publisher',
        'foaf:name': 'Concello de Proba',
      }),
    );
    expect(catalog).not.toHaveProperty('dct:spatial');
    for (const dataset of catalog['dcat:dataset'] as Array<Record<string, unknown>>) {
      expect(dataset['dct:license']).toEqual({ '@id': 'https://creativecommons.org/publicdomain/zero/1.0/' });
      expect(dataset).not.toHaveProperty('dct:spatial');
    }
  });

  it('keeps the datos.gob.es organisation URI for a DIR3 code', () => {
    const { openData } = readOpenDataConfig({}, []);
    const catalog = buildCatalog('https://plaza.example.org', { reports: empty, proposals: empty }, openData);
    expect((catalog['dct:publisher'] as Record<string, unknown>)['@id']).toBe(
      'http://datos.gob.es/recurso/sector-publico/org/Organismo/L01280796',
    );
  });
});
