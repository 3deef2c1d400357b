// One row of the records format, checked (pure): each value as its column
// says (app/records/format.ts), then the row as a whole (a decision date
// needs a decision, an outcome an allegation, nothing decided before the
// contact came in). `recordValues` writes a row's facts back as the export
// writes them, so an imported row and a case on file compare column by column.
import { z } from "zod";
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
import { londonDay, londonMinutes, londonMoment } from "~/utils/dates";
import { codeOf, codesOf, COLUMN_NAMES, type CodeList, type ColumnName, valueOfCode } from "./format";
import type { Problem } from "./read";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const isDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return DAY.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};
const DATE_MESSAGE = "must be a date as YYYY-MM-DD, such as 1984-03-07, or a date and time with its offset";

/** A moment given with its offset, or undefined. */
function withOffset(s: string) {
  if (!WITH_OFFSET.test(s) || !isDay(s.slice(0, 10))) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be ${max} characters or fewer`)
    .transform((s) => s || null);

/** A London calendar day (YYYY-MM-DD); a moment with an offset is taken as its London day. */
const day = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (!s) return null;
    if (isDay(s)) return s;
    const moment = withOffset(s);
    if (moment) return londonDay(moment);
    ctx.addIssue({ code: "custom", message: DATE_MESSAGE });
    return z.NEVER;
  });

/** A moment: ISO 8601 with an offset, or a bare day meaning the start of that day in London. */
const moment = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const found = isDay(s) ? londonMoment(s) : withOffset(s);
    if (found) return found;
    ctx.addIssue({ code: "custom", message: s ? DATE_MESSAGE : "must not be empty" });
    return z.NEVER;
  });

function codeMessage(codes: CodeList, given: string) {
  const all = codesOf(codes);
  return all.length <= 12
    ? `"${given}" is not one of ${all.join(", ")}`
    : `"${given}" is not one of this column's codes (the README lists them)`;
}

/** A code from a list, as its value (empty: null). */
const code = <L extends CodeList>(codes: L) =>
  z
    .string()
    .trim()
    .transform((s, ctx): L[keyof L] | null => {
      if (!s) return null;
      const value = valueOfCode(codes, s);
      if (value) return value;
      ctx.addIssue({ code: "custom", message: codeMessage(codes, s) });
      return z.NEVER;
    });

/** A column that must have a value. */
const filled = <T>(schema: z.ZodType<T | null, string>) =>
  schema.transform((v, ctx) => {
    if (v !== null) return v;
    ctx.addIssue({ code: "custom", message: "must not be empty" });
    return z.NEVER;
  });

/** Codes separated by ";", in the list's order, each once. */
const codes = <L extends CodeList>(list: L) =>
  z.string().transform((s, ctx) => {
    const found = new Set<L[keyof L]>();
    for (const part of s.split(";").map((p) => p.trim())) {
      if (!part) continue;
      const value = valueOfCode(list, part);
      if (value) found.add(value);
      else ctx.addIssue({ code: "custom", message: codeMessage(list, part) });
    }
    return (Object.values(list) as L[keyof L][]).filter((v) => found.has(v));
  });

const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s, ctx) => {
    if (s === "yes") return true;
    if (s === "no") return false;
    if (!s) return null;
    ctx.addIssue({ code: "custom", message: `"${s}" is not yes or no` });
    return z.NEVER;
  });

/** Each column's value. An empty named_professional means yes (the usual case); an empty dbs_referral, no referral. */
export const recordSchema = z.object({
  reference: z.string().trim().min(1, "must not be empty").max(50, "must be 50 characters or fewer"),
  received_at: moment,
  source: filled(code(ContactSource)),
  referrer_type: code(ReferrerType),
  referrer_organisation: text(200),
  referrer_sector: code(Sector),
  named_professional: yesNo.transform((v) => v ?? true),
  subject_first_name: text(100),
  subject_last_name: text(100),
  subject_previous_names: z
    .string()
    .max(500, "must be 500 characters or fewer")
    .transform((s) =>
      s
        .split(";")
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  subject_date_of_birth: day,
  subject_sex: code(Sex),
  subject_employer: text(200),
  subject_sector: code(Sector),
  subject_role: text(200),
  subject_employment_basis: code(EmploymentBasis),
  decision: code(DecisionCategory),
  decision_at: day,
  harm_categories: codes(HarmCategory),
  redirected_to: code(RedirectTarget),
  police_involved: yesNo,
  police_informed_at: day,
  police_concluded_at: day,
  suspended: yesNo,
  outcome: code(OutcomeType),
  outcome_at: day,
  employer_action: code(EmployerFinalAction),
  dbs_referral: yesNo.transform((v) => v ?? false),
  closed_at: day,
});

export type RecordFacts = z.output<typeof recordSchema>;

type RowProblem = { column: ColumnName; message: string };

/** What the row says as a whole, each problem on the column to put right. */
export function rowProblems(r: RecordFacts): RowProblem[] {
  return [...whatNeedsWhat(r), ...outOfOrder(r)];
}

/** Values that need another: a decision date a decision, an outcome an allegation. */
function whatNeedsWhat(r: RecordFacts): RowProblem[] {
  const rules: [boolean, ColumnName, string][] = [
    [Boolean(r.decision_at && !r.decision), "decision_at", "a decision date needs a decision"],
    [Boolean(r.decision && !r.decision_at), "decision_at", "must not be empty: the day of the decision is needed with a decision"],
    [r.harm_categories.length > 0 && !r.decision, "harm_categories", "harm categories need a decision"],
    [
      Boolean(r.redirected_to && r.decision !== "ADVICE" && r.decision !== "NOT_LADO"),
      "redirected_to",
      "is only for a decision of advice or not_lado",
    ],
    [Boolean(r.outcome && r.decision !== "ALLEGATION"), "outcome", "an outcome needs the decision allegation"],
    [Boolean(r.outcome && !r.outcome_at), "outcome_at", "must not be empty: the day of the outcome is needed with an outcome"],
    [Boolean(r.outcome_at && !r.outcome), "outcome_at", "an outcome date needs an outcome"],
    // The police may be told and decide not to be involved; only an involvement concludes.
    [Boolean(r.police_informed_at && r.police_involved === null), "police_informed_at", "needs police_involved yes or no"],
    [Boolean(r.police_concluded_at && r.police_involved !== true), "police_concluded_at", "a police conclusion needs police_involved yes"],
    [Boolean(r.referrer_sector && !r.referrer_organisation), "referrer_sector", "a sector needs referrer_organisation"],
  ];
  return rules.filter(([broken]) => broken).map(([, column, message]) => ({ column, message }));
}

/** Days that cannot come before others: nothing decided before the contact came in, nor closed before its outcome. */
function outOfOrder(r: RecordFacts): RowProblem[] {
  const received = londonDay(r.received_at);
  const pairs: [ColumnName, string | null, ColumnName, string | null][] = [
    ["decision_at", r.decision_at, "received_at", received],
    ["outcome_at", r.outcome_at, "received_at", received],
    ["outcome_at", r.outcome_at, "decision_at", r.decision_at],
    ["closed_at", r.closed_at, "received_at", received],
    ["closed_at", r.closed_at, "decision_at", r.decision_at],
    ["closed_at", r.closed_at, "outcome_at", r.outcome_at],
    ["police_concluded_at", r.police_concluded_at, "police_informed_at", r.police_informed_at],
  ];
  const problems = pairs
    .filter(([, value, , earlier]) => value && earlier && value < earlier)
    .map(([column, value, earlierName, earlier]) => ({ column, message: `${value} is before ${earlierName} (${earlier})` }));
  if (r.subject_date_of_birth && r.subject_date_of_birth >= received) {
    problems.push({ column: "subject_date_of_birth", message: "is not before received_at" });
  }
  return problems;
}

/** A row's values checked, or its problems, by column. */
export function readRecord(line: number, values: Record<string, string>): { facts: RecordFacts } | { problems: Problem[] } {
  const parsed = recordSchema.safeParse(Object.fromEntries(COLUMN_NAMES.map((name) => [name, values[name] ?? ""])));
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => ({ line, column: String(issue.path[0]), message: issue.message })) };
  }
  const problems = rowProblems(parsed.data);
  if (problems.length) return { problems: problems.map((p) => ({ line, ...p })) };
  return { facts: parsed.data };
}

/**
 * Normalises facts as an imported case holds them: an employer's final
 * action is kept on a record whose "suspended" is yes or no (no, when not
 * given).
 */
export function asImported(facts: RecordFacts): RecordFacts {
  return { ...facts, suspended: facts.suspended ?? (facts.employer_action ? false : null) };
}

/** A moment as ISO 8601 with London's offset then (2019-05-01T10:15:00+01:00), milliseconds only if any. */
export function londonIso(d: Date) {
  const offset = ((londonMinutes(d) - (d.getUTCHours() * 60 + d.getUTCMinutes()) + 1440 + 720) % 1440) - 720;
  const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? "-" : "+";
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
  return `${local.endsWith(".000") ? local.slice(0, 19) : local}${sign}${hhmm}`;
}

const yes = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");
const coded = (v: string | null) => (v ? codeOf(v) : "");

/** The row as the export writes it. */
export function recordValues(r: RecordFacts): Record<ColumnName, string> {
  return {
    reference: r.reference,
    received_at: londonIso(r.received_at),
    source: codeOf(r.source),
    referrer_type: coded(r.referrer_type),
    referrer_organisation: r.referrer_organisation ?? "",
    referrer_sector: coded(r.referrer_sector),
    named_professional: yes(r.named_professional),
    subject_first_name: r.subject_first_name ?? "",
    subject_last_name: r.subject_last_name ?? "",
    subject_previous_names: r.subject_previous_names.join(";"),
    subject_date_of_birth: r.subject_date_of_birth ?? "",
    subject_sex: coded(r.subject_sex),
    subject_employer: r.subject_employer ?? "",
    subject_sector: coded(r.subject_sector),
    subject_role: r.subject_role ?? "",
    subject_employment_basis: coded(r.subject_employment_basis),
    decision: coded(r.decision),
    decision_at: r.decision_at ?? "",
    harm_categories: r.harm_categories.map(codeOf).join(";"),
    redirected_to: coded(r.redirected_to),
    police_involved: yes(r.police_involved),
    police_informed_at: r.police_informed_at ?? "",
    police_concluded_at: r.police_concluded_at ?? "",
    suspended: yes(r.suspended),
    outcome: coded(r.outcome),
    outcome_at: r.outcome_at ?? "",
    employer_action: coded(r.employer_action),
    dbs_referral: yes(r.dbs_referral),
    closed_at: r.closed_at ?? "",
  };
}
