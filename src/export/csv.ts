import { stringify } from 'csv-stringify/sync';

/** One column of an export: its header and how to read it from a row. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
}

/**
 * A cell that a spreadsheet would run as a formula ("=> AI @x", "-> TODO", "@fkr to ..." and,
 * from a crafted file, "=HYPERLINK(...)") starts with an apostrophe, which spreadsheets show as text.
 */
function inert(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV (RFC 4180: quoted where needed, CRLF line ends) with a header line, so that
 * spreadsheets open it as is. Lists (owners) are joined with "; ".
 */
export function toCsv<T>(rows: T[], columns: Column<T>[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => inert(c.value(row)))),
    // csv-stringify quotes fields holding the record delimiter (CRLF) but not a bare LF, which
    // spreadsheets would read as a new record: quote those too.
    { header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}
