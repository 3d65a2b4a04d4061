import { useId, type ReactNode } from 'react';

export interface Column<Row> {
  id: string;
  header: ReactNode;
  cell(row: Row): ReactNode;
  /** The column that names the row (a <th scope="row">), so each cell is announced with it. */
  rowHeader?: boolean;
  /** Right-aligned numbers, for example. */
  align?: 'start' | 'end';
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey(row: Row): string;
  /** Shown in place of the table body when there are no rows. */
  empty: ReactNode;
  className?: string;
}

/**
 * A captioned table with real headers. It scrolls inside its own focusable region on narrow
 * screens, so the page never scrolls sideways and keyboard users can still reach every column.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, className }: DataTableProps<Row>) {
  const captionId = useId();
  return (
    <div className={`ui-table-scroll${className ? ` ${className}` : ''}`} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="ui-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.align === 'end' ? 'ui-table__end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="ui-table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = column.align === 'end' ? 'ui-table__end' : undefined;
                  return column.rowHeader ? (
                    <th key={column.id} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.id} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
