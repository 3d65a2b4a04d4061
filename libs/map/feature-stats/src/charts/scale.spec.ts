import { describe, expect, it } from '@jest/globals';
import { niceScale } from './scale';

describe('niceScale', () => {
  it('rounds the top up to a nice number with even steps', () => {
    expect(niceScale(87)).toEqual({ top: 100, steps: [0, 25, 50, 75, 100] });
    expect(niceScale(3)).toEqual({ top: 3, steps: [0, 1, 2, 3] });
    expect(niceScale(1234)).toEqual({ top: 1500, steps: [0, 500, 1000, 1500] });
  });

  it('draws an empty chart with a unit axis', () => {
    expect(niceScale(0)).toEqual({ top: 1, steps: [0, 1] });
  });
});
