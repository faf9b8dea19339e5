/** Spreadsheet programs run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled;
 * a cell that a spreadsheet would take for a formula is prefixed with an apostrophe, so that a
 * name like "=HYPERLINK(…)" is shown as text and never run.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document that Excel opens correctly whatever the script (Cyrillic, Arabic…): UTF-8
 * with a byte order mark, CRLF line ends.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | undefined | null>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
