import { describe, expect, it } from '@jest/globals';
import { readStatsSettings } from './stats-config';

describe('readStatsSettings', () => {
  it('follows every change at once unless told otherwise', () => {
    const problems: string[] = [];
    expect(readStatsSettings({}, problems).stats).toEqual({ refreshSeconds: 0 });
    expect(readStatsSettings({ STATS_REFRESH_SECONDS: '30' }, problems).stats).toEqual({ refreshSeconds: 30 });
    expect(problems).toEqual([]);
  });

  it('names the setting when the value is not a whole number of seconds in range', () => {
    for (const bad of ['-1', '2.5', 'soon', '3601']) {
      const problems: string[] = [];
      readStatsSettings({ STATS_REFRESH_SECONDS: bad }, problems);
      expect(problems).toEqual([expect.stringContaining('STATS_REFRESH_SECONDS')]);
    }
  });
});
