// Reading the prior-history command's CSV: rows in the records format
// (app/records/read.ts reads it, as the import does), of which the check needs
// the reference and the subject's columns, each checked as the import checks
// it. Each bad row is reported by its line and column, and the others are
// still read; a file that cannot be read at all is one error with no rows.
import type { Readable } from "node:stream";
import { readRows, UnreadableFile, type Problem } from "~/records/read";
import { recordSchema } from "~/records/row";
import type { PersonFacts } from "./matching";

/** The columns the check reads. */
const rowSchema = recordSchema.pick({
  reference: true,
  subject_first_name: true,
  subject_last_name: true,
  subject_previous_names: true,
  subject_date_of_birth: true,
  subject_employer: true,
});

export type CheckRow = { line: number; reference: string; subject: Omit<PersonFacts, "employerId">; employer: string | null };
export type RowError = Problem;

/** The rows to check, and an error for each row that cannot be. */
export async function readCheckRows(file: Buffer | Readable): Promise<{ rows: CheckRow[]; errors: RowError[] }> {
  const rows: CheckRow[] = [];
  const errors: RowError[] = [];
  try {
    for await (const raw of readRows(file, ["reference"])) {
      if ("problem" in raw) {
        errors.push(raw.problem);
        continue;
      }
      const values = Object.fromEntries(rowSchema.keyof().options.map((name) => [name, raw.values[name] ?? ""]));
      const parsed = rowSchema.safeParse(values);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ line: raw.line, column: String(issue.path[0]), message: issue.message });
        continue;
      }
      const row = parsed.data;
      rows.push({
        line: raw.line,
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
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    return { rows: [], errors: [error.problem] };
  }
  return { rows, errors };
}
