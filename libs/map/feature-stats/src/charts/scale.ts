/**
 * The top of a chart's axis and its gridlines: a "nice" number (1, 2, 2.5 or 5 × 10ⁿ) at or
 * above the largest value, split in `ticks` equal steps, so a reader can estimate bars by eye.
 */
export function niceScale(max: number, ticks = 4): { top: number; steps: number[] } {
  if (!(max > 0)) return { top: 1, steps: [0, 1] };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  // Whole numbers only when the data are counts or days ≥ 1 per step.
  const top = step * Math.ceil(max / step);
  const steps: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) steps.push(Math.round(v * 1000) / 1000);
  return { top, steps };
}
