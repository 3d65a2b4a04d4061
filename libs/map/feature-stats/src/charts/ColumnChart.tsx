import { niceScale } from './scale';

export interface ColumnPoint {
  /** Axis label, e.g. "ene 2026". */
  label: string;
  value: number;
}

const W = 400;
const H = 180;
const LEFT = 36;
const BOTTOM = 22;
const TOP = 8;

/**
 * Columns over time (months or weeks), drawn as plain SVG: the reader compares heights against
 * a few gridlines. Decorative for assistive technology, which gets the data table instead.
 */
export function ColumnChart({ points, format }: { points: readonly ColumnPoint[]; format(n: number): string }) {
  const { top, steps } = niceScale(Math.max(0, ...points.map((p) => p.value)));
  const plotW = W - LEFT - 4;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / Math.max(points.length, 1);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  // At most ~8 axis labels, whatever the number of columns.
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg className="stats-chart" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {steps.map((s) => (
        <g key={s}>
          <line x1={LEFT} x2={W - 4} y1={y(s)} y2={y(s)} className="stats-chart__grid" />
          <text x={LEFT - 4} y={y(s) + 4} textAnchor="end" className="stats-chart__axis">
            {format(s)}
          </text>
        </g>
      ))}
      {points.map((p, i) => (
        <g key={`${p.label}-${i}`}>
          <rect
            x={LEFT + i * slot + slot * 0.15}
            width={Math.max(slot * 0.7, 1)}
            y={y(p.value)}
            height={Math.max(TOP + plotH - y(p.value), 0)}
            className="stats-chart__bar"
          />
          {i % every === 0 && (
            <text x={LEFT + i * slot + slot / 2} y={H - 6} textAnchor="middle" className="stats-chart__axis">
              {p.label}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
