// CSV that opens cleanly in Excel: UTF-8 with a byte order mark (without it
// Excel reads accents as Windows-1252), CRLF line ends, quotes where needed,
// and no formulas: a cell starting with = + - @ (or a tab or carriage return)
// gets a leading apostrophe, so a spreadsheet shows it as text instead of
// running it (OWASP, "CSV injection").

export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: null and undefined are empty. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = `${FORMULA_START.test(value) ? "'" : ""}${value.replace(/\r\n?/g, "\n")}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, with its CRLF. */
export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
