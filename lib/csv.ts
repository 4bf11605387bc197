// Every CSV the tracker writes (member exports, statistics tables) goes through here, so a
// cell can never reach a spreadsheet as a live formula.
import Papa from "papaparse";

/**
 * Cells a spreadsheet would read as a formula (or that hide one behind a tab or carriage
 * return) start with one of these. Papaparse's built-in pattern (`/^[=+\-@\t\r].*$/`) misses
 * a value with a line break after the formula, so the test is on the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

/**
 * CSV text, every line ending in CRLF. A text
 * cell starting with = + - @ tab or CR is prefixed with `'` and quoted, the OWASP advice for
 * CSV injection; numbers and booleans are written as they are (a negative amount stays a
 * number). The JSON export keeps the original text: it is the format that round-trips.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts: { fields?: readonly string[] } = {}): string {
  const data = rows.map((r) => [...r]);
  const text = opts.fields
    ? Papa.unparse({ fields: [...opts.fields], data }, { newline: "\r\n", escapeFormulae: FORMULA_START })
    : Papa.unparse(data, { newline: "\r\n", escapeFormulae: FORMULA_START });
  // Papaparse ends a header with no rows with a line break, and rows without one.
  return text && !text.endsWith("\r\n") ? `${text}\r\n` : text;
}

/** CSV rows after the header, for writing a large table in pieces (no header, trailing CRLF). */
export function toCsvRows(rows: readonly (readonly CsvCell[])[]): string {
  if (!rows.length) return "";
  return `${Papa.unparse(rows.map((r) => [...r]), { newline: "\r\n", escapeFormulae: FORMULA_START })}\r\n`;
}
