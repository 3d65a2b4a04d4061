import { describe, expect, it } from '@jest/globals';
import { readOpenDataConfig } from './open-data-config';

describe('readOpenDataConfig', () => {
  it('defaults to CC BY 4.0 published by the demo city council', () => {
    const problems: string[] = [];
    expect(readOpenDataConfig({}, problems).openData).toEqual({
      licence: {
        id: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0 International',
        url: 'https://creativecommons.org/licenses/by/4.0/',
      },
      publisher: { name: 'Ayuntamiento de Madrid', dir3: 'L01280796' },
      spatial: 'http://datos.gob.es/recurso/sector-publico/territorio/Provincia/Madrid',
    });
    expect(problems).toEqual([]);
  });

  it("takes another city's licence and publisher, without Madrid's DIR3 code or territory", () => {
    const problems: string[] = [];
    const { openData } = readOpenDataConfig(
      { OPEN_DATA_LICENCE: 'ODbL-1.0', OPEN_DATA_PUBLISHER: 'Concello da Coruña' },
      problems,
    );
    expect(openData.licence.url).toBe('https://opendatacommons.org/licenses/odbl/1-0/');
    expect(openData.publisher).toEqual({ name: 'Concello da Coruña', dir3: null });
    expect(openData.spatial).toBeNull();
    expect(problems).toEqual([]);
  });

  it('accepts a licence of its own with its URL, and names what is wrong otherwise', () => {
    const own = readOpenDataConfig({ OPEN_DATA_LICENCE: 'Aviso-legal-2024', OPEN_DATA_LICENCE_URL: 'https://example.org/licencia' }, []);
    expect(own.openData.licence).toEqual({ id: 'Aviso-legal-2024', title: 'Aviso-legal-2024', url: 'https://example.org/licencia' });
    const problems: string[] = [];
    readOpenDataConfig({ OPEN_DATA_LICENCE: 'mine', OPEN_DATA_PUBLISHER_DIR3: 'x' }, problems);
    expect(problems).toEqual([expect.stringContaining('OPEN_DATA_LICENCE must be'), expect.stringContaining('OPEN_DATA_PUBLISHER_DIR3')]);
  });
});
