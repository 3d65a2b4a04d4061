import { niceScale } from './scale';

export interface LineSeries {
  id: string;
  /** Shown in the legend next to its line's pattern. */
  name: string;
  /** One value per label; null where there is nothing to measure (the line breaks). */
  values: ReadonlyArray<number | null>;
  /** Dashed lines tell the series apart without relying on colour. */
  dashed?: boolean;
}

const W = 400;
const H = 180;
const LEFT = 36;
const BOTTOM = 22;
const TOP = 8;

/** A trend over the months: one or two lines, told apart by colour and by dashes. */
export function LineChart({
  labels,
  series,
  format,
}: {
  labels: readonly string[];
  series: readonly LineSeries[];
  format(n: number): string;
}) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top, steps } = niceScale(Math.max(0, ...all));
  const plotW = W - LEFT - 12;
  const plotH = H - TOP - BOTTOM;
  const x = (i: number) => LEFT + 8 + (labels.length <= 1 ? plotW / 2 : (i * plotW) / (labels.length - 1));
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return (
    <figure className="stats-line">
      <svg className="stats-chart" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
        {steps.map((s) => (
          <g key={s}>
            <line x1={LEFT} x2={W - 4} y1={y(s)} y2={y(s)} className="stats-chart__grid" />
            <text x={LEFT - 4} y={y(s) + 4} textAnchor="end" className="stats-chart__axis">
              {format(s)}
            </text>
          </g>
        ))}
        {labels.map((label, i) =>
          i % every === 0 ? (
            <text key={label} x={x(i)} y={H - 6} textAnchor="middle" className="stats-chart__axis">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, index) => (
          <g key={s.id} className={`stats-chart__series stats-chart__series--${index}`}>
            {segments(s.values).map((segment) => (
              <polyline
                key={segment[0]}
                points={segment.map((i) => `${x(i)},${y(s.values[i]!)}`).join(' ')}
                fill="none"
                strokeDasharray={s.dashed ? '6 4' : undefined}
              />
            ))}
            {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} />))}
          </g>
        ))}
      </svg>
      <figcaption className="stats-legend" aria-hidden="true">
        {series.map((s, index) => (
          <span key={s.id} className={`stats-legend__item stats-chart__series--${index}`}>
            <svg width="24" height="10" focusable="false">
              <line x1="0" x2="24" y1="5" y2="5" strokeDasharray={s.dashed ? '6 4' : undefined} />
            </svg>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Runs of consecutive indexes with a value: a month with nothing measured breaks the line. */
export function segments(values: ReadonlyArray<number | null>): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) out.push(run);
  return out;
}
