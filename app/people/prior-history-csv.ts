// Reading the prior-history command's CSV: rows in the import format (issue
// 16: a header row, its columns in any order, an unknown column an error so a
// typo never vanishes), of which the check needs the reference and the
// subject's columns. UTF-8 with or without a byte order mark; Excel's CRLF
// and quoted fields (commas, line breaks) read correctly. Each bad row is
// reported by its line and column, and the others are still read.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { PersonFacts } from "./matching";

/** Every column of the import format, in its documented order. */
export const IMPORT_COLUMNS = [
  "reference",
  "received_at",
  "source",
  "referrer_type",
  "referrer_organisation",
  "referrer_sector",
  "named_professional",
  "subject_first_name",
  "subject_last_name",
  "subject_previous_names",
  "subject_date_of_birth",
  "subject_sex",
  "subject_employer",
  "subject_sector",
  "subject_role",
  "subject_employment_basis",
  "decision",
  "decision_at",
  "harm_categories",
  "redirected_to",
  "police_involved",
  "police_informed_at",
  "police_concluded_at",
  "suspended",
  "outcome",
  "outcome_at",
  "employer_action",
  "dbs_referral",
  "closed_at",
] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be ${max} characters or fewer`)
    .transform((s) => s || null);

const calendarDay = z
  .string()
  .trim()
  .refine((s) => s === "" || (/^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), {
    message: "must be a date as YYYY-MM-DD, such as 1984-03-07",
  })
  .transform((s) => s || null);

/** The columns the check reads, each checked as the import checks it. */
const rowSchema = z.object({
  reference: z.string().trim().min(1, "must not be empty").max(50, "must be 50 characters or fewer"),
  subject_first_name: optionalText(100),
  subject_last_name: optionalText(100),
  subject_previous_names: z
    .string()
    .trim()
    .max(500, "must be 500 characters or fewer")
    .transform((s) =>
      s
        .split(";")
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  subject_date_of_birth: calendarDay,
  subject_employer: optionalText(200),
});

export type CheckRow = { line: number; reference: string; subject: Omit<PersonFacts, "employerId">; employer: string | null };
export type RowError = { line: number; column: string | null; message: string };

/**
 * The rows to check, and an error for each row that cannot be; a file that
 * cannot be read at all (not CSV, no reference column, an unknown column)
 * is one error at line 1 with no rows.
 */
export function readCheckRows(file: Buffer): { rows: CheckRow[]; errors: RowError[] } {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // With info, each record comes with where it ends (csv-parse's types do not follow the option).
    records = parse(file, { bom: true, info: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, column: null, message: `not readable as CSV: ${(error as Error).message}` }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ line: 1, column: null, message: "the file is empty: a header row is needed" }] };
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknown = columns.filter((name) => !known.has(name));
  const fileError = (message: string) => ({ rows: [], errors: [{ line: 1, column: null, message }] });
  if (unknown.length) return fileError(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}`);
  const twice = columns.filter((name, i) => columns.indexOf(name) !== i);
  if (twice.length) return fileError(`column "${twice[0]}" given twice`);
  if (!columns.includes("reference")) return fileError('the column "reference" is missing');

  const lineAt = lineNumbers(file);
  const rows: CheckRow[] = [];
  const errors: RowError[] = [];
  let start = header.info.bytes;
  for (const { record, info } of data) {
    const line = lineAt(start);
    start = info.bytes;
    if (record.every((field) => field.trim() === "")) continue; // a blank line
    if (record.length !== columns.length) {
      errors.push({ line, column: null, message: `has ${record.length} fields where the header has ${columns.length}` });
      continue;
    }
    const values = Object.fromEntries(rowSchema.keyof().options.map((name) => [name, record[columns.indexOf(name)] ?? ""]));
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, column: String(issue.path[0]), message: issue.message });
      continue;
    }
    const row = parsed.data;
    rows.push({
      line,
      reference: row.reference,
      subject: {
        firstName: row.subject_first_name,
        lastName: row.subject_last_name,
        previousNames: row.subject_previous_names,
        dateOfBirth: row.subject_date_of_birth,
      },
      employer: row.subject_employer,
    });
  }
  return { rows, errors };
}

/** The line (from 1) on which the byte at `offset` of `file` stands. */
function lineNumbers(file: Buffer) {
  const breaks: number[] = [];
  for (let i = file.indexOf(10); i !== -1; i = file.indexOf(10, i + 1)) breaks.push(i);
  return (offset: number) => {
    let [low, high] = [0, breaks.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (breaks[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}
