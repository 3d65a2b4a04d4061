import { useT } from '@plaza/web/i18n';
import { DataTable } from '@plaza/web/ui';
import { useId, useMemo, type ReactNode } from 'react';
import { csvDataUrl, toCsv, type CsvValue } from './csv';

export interface FigureColumn {
  id: string;
  header: string;
  /** Numbers right-aligned. */
  numeric?: boolean;
}

export interface FigureRow {
  key: string;
  /** Raw values, one per column: what the CSV holds. */
  values: readonly CsvValue[];
  /** What the table shows, when it differs from the raw value (a link, a formatted number). */
  display?: ReadonlyArray<ReactNode>;
}

interface FigureProps {
  title: string;
  /** One sentence that says what the chart shows, read before it. */
  summary?: ReactNode;
  chart: ReactNode;
  columns: readonly FigureColumn[];
  rows: readonly FigureRow[];
  /** The CSV's file name, without extension. */
  file: string;
  /** The table is the figure's navigation (links to districts, departments): show it open. */
  tableOpen?: boolean;
}

/**
 * One chart with its data: the table (in a disclosure unless it is the way on to other pages)
 * carries the same figures for screen readers and keyboard users, and the CSV link downloads
 * exactly the table's rows.
 */
export function Figure({ title, summary, chart, columns, rows, file, tableOpen }: FigureProps) {
  const { t, formatNumber } = useT();
  const headingId = useId();
  const csv = useMemo(
    () => csvDataUrl(toCsv(columns.map((c) => c.id), rows.map((r) => r.values))),
    [columns, rows],
  );
  const table = (
    <DataTable
      caption={title}
      columns={columns.map((c, index) => ({
        id: c.id,
        header: c.header,
        rowHeader: index === 0,
        align: c.numeric ? ('end' as const) : ('start' as const),
        cell: (row: FigureRow) => {
          const shown = row.display?.[index];
          if (shown !== undefined) return shown;
          const value = row.values[index];
          return typeof value === 'number' ? formatNumber(value) : (value ?? '—');
        },
      }))}
      rows={rows}
      rowKey={(row) => row.key}
      empty={t('stats.noData')}
    />
  );
  return (
    <section className="stats-figure" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {summary && <p className="stats-figure__summary">{summary}</p>}
      {rows.length > 0 && chart}
      {tableOpen ? (
        table
      ) : (
        <details className="stats-figure__data">
          <summary>{t('stats.figure.showTable')}</summary>
          {table}
        </details>
      )}
      <p className="stats-figure__csv">
        <a href={csv} download={`${file}.csv`}>
          {t('stats.figure.csv', { title })}
        </a>
      </p>
    </section>
  );
}
