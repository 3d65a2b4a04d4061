/** How many reports took `value` business days. */
export interface Bucket {
  value: number;
  count: number;
}

/**
 * The p-th quantile (0–1) of the values a histogram describes, interpolated linearly between
 * the two nearest ranks (PostgreSQL's percentile_cont, NumPy's default). Null when empty.
 * Business days are whole numbers, so a histogram holds every value exactly.
 */
export function percentile(buckets: readonly Bucket[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A quantile is between 0 and 1: ${p}`);
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const rank = p * (total - 1);
  const low = valueAtIndex(sorted, Math.floor(rank));
  const high = valueAtIndex(sorted, Math.ceil(rank));
  return low + (rank - Math.floor(rank)) * (high - low);
}

function valueAtIndex(sorted: readonly Bucket[], index: number): number {
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (index < seen) return bucket.value;
  }
  return sorted[sorted.length - 1]!.value;
}

/** Adds one histogram into another (same value → counts summed). */
export function addBuckets(into: Map<number, number>, value: number, count: number): void {
  into.set(value, (into.get(value) ?? 0) + count);
}

export function toBuckets(histogram: ReadonlyMap<number, number>): Bucket[] {
  return [...histogram].map(([value, count]) => ({ value, count }));
}

/** One decimal, as figures are shown ("3.5 business days"). */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
