import { DEFAULT_CITY_CENTRE, DEFAULT_CITY_ZOOM, readCityConfig } from './city-config';

describe('readCityConfig', () => {
  it('defaults to Madrid: its name, time zone, centre and zoom', () => {
    const problems: string[] = [];
    expect(readCityConfig({}, problems).city).toEqual({
      timeZone: 'Europe/Madrid',
      name: 'Madrid',
      centre: [40.4168, -3.7038],
      zoom: 12,
    });
    expect(problems).toEqual([]);
  });

  it('takes another city’s name, centre and zoom', () => {
    const problems: string[] = [];
    const { city } = readCityConfig(
      { CITY_NAME: ' A Coruña ', CITY_CENTRE: '43.3623, -8.4115', CITY_ZOOM: '13', CITY_TIME_ZONE: 'Europe/Madrid' },
      problems,
    );
    expect(city).toEqual({ timeZone: 'Europe/Madrid', name: 'A Coruña', centre: [43.3623, -8.4115], zoom: 13 });
    expect(problems).toEqual([]);
  });

  it.each(['40.4', '40.4,-3.7,1', 'north,west', '91,0', '0,181', '40.4,', ' , '])('rejects the centre "%s"', (centre) => {
    const problems: string[] = [];
    expect(readCityConfig({ CITY_CENTRE: centre }, problems).city.centre).toEqual(DEFAULT_CITY_CENTRE);
    expect(problems).toEqual([expect.stringMatching(/^CITY_CENTRE/)]);
  });

  it.each(['2', '20', '12.5', 'far', '-5'])('rejects the zoom "%s"', (zoom) => {
    const problems: string[] = [];
    expect(readCityConfig({ CITY_ZOOM: zoom }, problems).city.zoom).toBe(DEFAULT_CITY_ZOOM);
    expect(problems).toEqual([expect.stringMatching(/^CITY_ZOOM/)]);
  });

  it('accepts the zoom range’s ends and collects every problem', () => {
    expect(readCityConfig({ CITY_ZOOM: '3' }, []).city.zoom).toBe(3);
    expect(readCityConfig({ CITY_ZOOM: '19' }, []).city.zoom).toBe(19);
    const problems: string[] = [];
    readCityConfig({ CITY_TIME_ZONE: 'Mars/Olympus', CITY_CENTRE: 'x', CITY_ZOOM: '0' }, problems);
    expect(problems).toHaveLength(3);
  });
});
