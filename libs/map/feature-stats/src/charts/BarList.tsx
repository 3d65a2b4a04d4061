import type { ReactNode } from 'react';

export interface Bar {
  key: string;
  label: ReactNode;
  value: number;
  /** The value as read, e.g. "1.234" or "2,5 días". */
  text: string;
}

/**
 * Horizontal bars with their names in HTML (they wrap at phone width and keep the page's font
 * size) and the bar itself in SVG. Longest bar = largest value; values are printed at the end.
 */
export function BarList({ bars, max }: { bars: readonly Bar[]; max?: number }) {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  return (
    <ul className="stats-bars" aria-hidden="true">
      {bars.map((b) => (
        <li key={b.key} className="stats-bars__item">
          <span className="stats-bars__label">{b.label}</span>
          <span className="stats-bars__row">
            <svg className="stats-bars__bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
              <rect x="0" y="0" height="10" width={top > 0 ? Math.max((b.value / top) * 100, b.value > 0 ? 0.5 : 0) : 0} />
            </svg>
            <span className="stats-bars__value">{b.text}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
