import { readGeocoderConfig } from './geocoder-config';

describe('readGeocoderConfig', () => {
  it('is off without GEOCODER_URL, Nominatim with a 2.5 s timeout by default', () => {
    const problems: string[] = [];
    expect(readGeocoderConfig({}, problems)).toEqual({ url: null, flavour: 'nominatim', timeoutMs: 2500 });
    expect(readGeocoderConfig({ GEOCODER_URL: 'https://geo.city.example/nominatim/' }, problems).url).toBe('https://geo.city.example/nominatim');
    expect(readGeocoderConfig({ GEOCODER_URL: 'http://photon:2322', GEOCODER_FLAVOUR: 'Photon' }, problems).flavour).toBe('photon');
    expect(problems).toEqual([]);
  });

  it('refuses what it cannot use', () => {
    const problems: string[] = [];
    readGeocoderConfig({ GEOCODER_URL: 'ftp://geo', GEOCODER_FLAVOUR: 'google', GEOCODER_TIMEOUT_MS: '5' }, problems);
    expect(problems).toHaveLength(3);
  });
});
