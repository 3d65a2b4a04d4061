/**
 * CSV for a figure's table, built in the browser from the very rows the table shows, so the file
 * and the page can never disagree. RFC 4180: comma-separated, CRLF, fields quoted when they hold
 * a comma, quote or line break; a leading =, +, - or @ is prefixed with ' so that a spreadsheet
 * never runs a district's or category's name as a formula.
 */
export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A link target for the file: UTF-8 with a byte-order mark, which spreadsheets need to read accents. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}
