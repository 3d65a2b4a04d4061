import { percentile, roundTo, type Bucket } from './percentiles';

const expand = (values: number[]): Bucket[] => values.map((value) => ({ value, count: 1 }));

describe('percentile from a histogram', () => {
  it('is null for no values', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([{ value: 3, count: 0 }], 0.5)).toBeNull();
  });

  it('takes the middle value of an odd count and interpolates an even one', () => {
    expect(percentile(expand([5, 1, 3]), 0.5)).toBe(3);
    expect(percentile(expand([1, 2, 3, 4]), 0.5)).toBe(2.5);
  });

  it('matches percentile_cont on repeated values', () => {
    // 0,0,1,1,1,2,4,9,9,20 → p90 rank 8.1 → 9 + 0.1 × (20 − 9) = 10.1
    const buckets: Bucket[] = [
      { value: 9, count: 2 },
      { value: 0, count: 2 },
      { value: 1, count: 3 },
      { value: 2, count: 1 },
      { value: 4, count: 1 },
      { value: 20, count: 1 },
    ];
    expect(percentile(buckets, 0.5)).toBe(1.5);
    expect(roundTo(percentile(buckets, 0.9), 1)).toBe(10.1);
    expect(percentile(buckets, 0)).toBe(0);
    expect(percentile(buckets, 1)).toBe(20);
  });

  it('refuses a quantile outside 0–1', () => {
    expect(() => percentile(expand([1]), 1.5)).toThrow(RangeError);
    expect(() => percentile(expand([1]), Number.NaN)).toThrow(RangeError);
  });
});
