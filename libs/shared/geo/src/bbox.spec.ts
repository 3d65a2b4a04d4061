import { parseBBox } from './bbox';

describe('parseBBox', () => {
  it('parses minLon,minLat,maxLon,maxLat', () => {
    expect(parseBBox('-3.8, 40.3,-3.6,40.5')).toEqual({ ok: true, bbox: [-3.8, 40.3, -3.6, 40.5] });
  });

  it.each(['1,2,3', '1,2,3,4,5', 'a,b,c,d', '1,,3,4', '-200,0,0,1', '0,-91,1,1', '1,1,0,2', '0,2,1,1', '0,0,0,0'])(
    'rejects %s',
    (raw) => {
      const result = parseBBox(raw);
      expect(result.ok).toBe(false);
    },
  );
});
