// The records format (issue 16): one CSV row a case, for importing past
// years' records and exporting every case. Pure: the columns, what each
// holds, its codes, and the template. Codes are the app's own lists (the
// Prisma enums) in lower case, derived here once, so a value added to a list
// is a code at once and the README's lists can be printed from this module.
import {
  ContactSource,
  DecisionCategory,
  EmployerFinalAction,
  EmploymentBasis,
  HarmCategory,
  OutcomeType,
  RedirectTarget,
  ReferrerType,
  Sector,
  Sex,
} from "~/generated/prisma/enums";
import { csvLine } from "~/utils/csv";

/** A list of codes: an enum of the app's own, by name. */
export type CodeList = Record<string, string>;

/** What a column holds: free text (up to `max` characters), a code from a list (or several, separated by ";"), a date, yes/no. */
export type ColumnKind =
  | { kind: "text"; max: number; list?: true }
  | { kind: "code"; codes: CodeList; list?: true }
  | { kind: "day" } // YYYY-MM-DD, or ISO 8601 with an offset (its London day)
  | { kind: "moment" } // ISO 8601 with an offset, or YYYY-MM-DD (the start of that London day)
  | { kind: "yes-no" };

type Column = ColumnKind & { required?: true; example: string; about: string };

const text = (max: number) => ({ kind: "text", max }) as const;
const code = (codes: CodeList) => ({ kind: "code", codes }) as const;
const day = { kind: "day" } as const;
const yesNo = { kind: "yes-no" } as const;

/** Every column, in the order the export writes them. */
export const COLUMNS = {
  reference: { ...text(50), required: true, example: "LADO-2019-00042", about: "the case's reference, unique" },
  received_at: {
    kind: "moment",
    required: true,
    example: "2019-05-01T10:15:00+01:00",
    about: "when the contact came in (a bare date: the start of that day in London)",
  },
  source: { ...code(ContactSource), required: true, example: "phone", about: "how the contact came in" },
  referrer_type: { ...code(ReferrerType), example: "employer", about: "who made the contact" },
  referrer_organisation: { ...text(200), example: "St Mary's C of E Primary School", about: "the referrer's organisation" },
  referrer_sector: { ...code(Sector), example: "primary_school", about: "the referrer's organisation's sector" },
  named_professional: { ...yesNo, example: "yes", about: "whether a professional was named (empty: yes)" },
  subject_first_name: { ...text(100), example: "Zoë", about: "the person's first name, as written" },
  subject_last_name: { ...text(100), example: "O'Brien", about: "the person's last name, as written" },
  subject_previous_names: { ...text(100), list: true, example: "Smith;Jones", about: "earlier last names, separated by ;" },
  subject_date_of_birth: { ...day, example: "1984-03-07", about: "the person's date of birth" },
  subject_sex: { ...code(Sex), example: "female", about: "the person's sex" },
  subject_employer: { ...text(200), example: "St Mary's C of E Primary School", about: "where the person works or is placed" },
  subject_sector: { ...code(Sector), example: "primary_school", about: "the employer's sector" },
  subject_role: { ...text(200), example: "Class teacher", about: "the person's job title, as written" },
  subject_employment_basis: { ...code(EmploymentBasis), example: "permanent", about: "how the person is employed" },
  decision: { ...code(DecisionCategory), example: "allegation", about: "the current threshold decision" },
  decision_at: { ...day, example: "2019-05-02", about: "the day of that decision (needed with a decision)" },
  harm_categories: {
    ...code(HarmCategory),
    list: true,
    example: "physical;emotional",
    about: "the decision's harm categories, separated by ;",
  },
  redirected_to: {
    ...code(RedirectTarget),
    example: "",
    about: "where an advice or not-LADO contact was redirected",
  },
  police_involved: { ...yesNo, example: "yes", about: "whether the police were involved" },
  police_informed_at: { ...day, example: "2019-05-02", about: "the day the police were informed" },
  police_concluded_at: { ...day, example: "2019-08-30", about: "the day the police concluded" },
  suspended: { ...yesNo, example: "yes", about: "whether the employer suspended the person" },
  outcome: { ...code(OutcomeType), example: "substantiated", about: "the allegation's outcome (allegations only)" },
  outcome_at: { ...day, example: "2019-09-12", about: "the day of the outcome (needed with an outcome)" },
  employer_action: { ...code(EmployerFinalAction), example: "dismissal", about: "the employer's final action" },
  dbs_referral: { ...yesNo, example: "yes", about: "whether the person was referred to the DBS" },
  closed_at: { ...day, example: "2019-10-01", about: "the day the case was closed (signed off)" },
} satisfies Record<string, Column>;

export type ColumnName = keyof typeof COLUMNS;
export const COLUMN_NAMES = Object.keys(COLUMNS) as ColumnName[];
export const REQUIRED_COLUMNS = COLUMN_NAMES.filter((name) => (COLUMNS[name] as Column).required);

/** The code for one of a list's values: its name in lower case (PRIMARY_SCHOOL → primary_school). */
export const codeOf = (value: string) => value.toLowerCase();

/** A list's codes, in the list's order. */
export const codesOf = (codes: CodeList) => Object.values(codes).map(codeOf);

/** The value a code stands for in a list (any case: a spreadsheet may have capitalised it), or undefined if it is none of its codes. */
export function valueOfCode<L extends CodeList>(codes: L, code: string): L[keyof L] | undefined {
  const name = code.toUpperCase();
  return Object.hasOwn(codes, name) ? (codes[name] as L[keyof L]) : undefined;
}

/** The template offered for download: the header and one example row. UTF-8 with a byte order mark, CRLF, as Excel writes it. */
export function templateCsv() {
  return `\uFEFF${csvLine(COLUMN_NAMES)}${csvLine(COLUMN_NAMES.map((name) => COLUMNS[name].example))}`;
}

/** A line of the format (no byte order mark): `values` in the order of `columns`. */
export const recordLine = (columns: readonly string[], values: Partial<Record<string, string | null>>) =>
  csvLine(columns.map((c) => values[c] ?? ""));

/** What one column holds, for the format's page and the README's table. */
export type ColumnReference = {
  name: ColumnName;
  required: boolean;
  about: string;
  /** The codes it takes (a code column), or the literal values (yes/no). */
  codes: string[];
  /** How it is written, beside the codes. */
  holds: string;
};

/** Every column, what it holds and its codes, in the export's order. */
export function columnReference(): ColumnReference[] {
  return COLUMN_NAMES.map((name) => {
    const column: Column = COLUMNS[name];
    const [holds, codes] =
      column.kind === "code"
        ? [column.list ? "any of these codes, separated by ;" : "one of these codes", codesOf(column.codes)]
        : column.kind === "yes-no"
          ? ["", ["yes", "no"]]
          : column.kind === "day" || column.kind === "moment"
            ? ["`YYYY-MM-DD` or ISO 8601 with an offset", []]
            : [`text, up to ${column.max} characters${column.list ? " each" : ""}`, []];
    return { name, required: Boolean(column.required), about: column.about, codes, holds };
  });
}

/** The README's table of columns, with every code list (the README's copy was printed from this). */
export function formatReference() {
  const lines = ["| column | required | holds |", "| --- | --- | --- |"];
  for (const { name, required, about, codes, holds } of columnReference()) {
    const quoted = codes.map((c) => `\`${c}\``);
    const described =
      COLUMNS[name].kind === "code"
        ? `${about}: ${holds.startsWith("any") ? "any of " : ""}${quoted.join(", ")}`
        : COLUMNS[name].kind === "yes-no"
          ? `${about}: ${quoted.join(" or ")}`
          : `${about}: ${holds}`;
    lines.push(`| \`${name}\` | ${required ? "yes" : ""} | ${described} |`);
  }
  return lines.join("\n");
}
