// How long a closed case's records are kept, and what stops their deletion.
//
// Two rules (../shared/docs/domain.md, "Records and retention"):
// - the LADO record: kept the configured number of years for its outcome
//   (NO_ALLEGATION when there is none), counted from the day of closure, to
//   its retention review date;
// - the employer's rule (KCSIE), which outcome letters carry: the summary
//   stays on the personnel file until the person's normal pension age or
//   for 10 years from the allegation (the day the contact was received),
//   whichever is longer; a malicious allegation is removed.
// A legal hold, on the case or on every record, blocks any deletion.
import type { OutcomeType } from "~/generated/prisma/enums";
import { addMonthsToDay, calendarDate, londonDay } from "~/utils/dates";
import { outcomeLabels } from "./labels";

export type RetentionOutcome = OutcomeType | "NO_ALLEGATION";

/** The numbers the rules take from the settings (app/config/settings.server.ts). */
export type RetentionRules = {
  retentionYears: Record<RetentionOutcome, number>;
  normalPensionAge: number;
  employerRecordYears: number;
};

/** yyyy-mm-dd plus whole years; 29 February becomes 28 February in a year that is not leap. */
export const addYearsToDay = (day: string, years: number) => addMonthsToDay(day, years * 12);

const shown = (day: string) => calendarDate(`${day}T00:00:00Z`);
const years = (n: number) => `${n} ${n === 1 ? "year" : "years"}`;

/** The LADO record's review day (yyyy-mm-dd): the outcome's years from the London day of closure. */
export function ladoRetention(outcome: OutcomeType | null, closedAt: Date, rules: Pick<RetentionRules, "retentionYears">) {
  const kept = rules.retentionYears[outcome ?? "NO_ALLEGATION"];
  const closedOn = londonDay(closedAt);
  const reviewOn = addYearsToDay(closedOn, kept);
  const what = outcome ? `${outcomeLabels[outcome]} allegation` : "No allegation outcome";
  return { reviewOn, basis: `LADO record: ${what}, kept ${years(kept)} from closure on ${shown(closedOn)}: review on ${shown(reviewOn)}.` };
}

export type EmployerRetention =
  | { keep: false; basis: string }
  | { keep: true; until: string; by: "PENSION_AGE" | "YEARS_FROM_ALLEGATION"; dateOfBirthKnown: boolean; basis: string };

/**
 * The employer's rule for the personnel file. `dateOfBirth` is a calendar
 * day (a @db.Date, midnight UTC) or null when not known: then only the years
 * from the allegation can be counted, and the basis says so.
 */
export function employerRetention(
  outcome: OutcomeType,
  allegationAt: Date,
  dateOfBirth: Date | null,
  rules: Pick<RetentionRules, "normalPensionAge" | "employerRecordYears">,
): EmployerRetention {
  const prefix = "Employer's personnel file (KCSIE):";
  if (outcome === "MALICIOUS") return { keep: false, basis: `${prefix} a malicious allegation is removed from the personnel file.` };
  const allegationOn = londonDay(allegationAt);
  const fromAllegation = addYearsToDay(allegationOn, rules.employerRecordYears);
  const yearsText = `${years(rules.employerRecordYears)} from the allegation (${shown(allegationOn)})`;
  if (!dateOfBirth) {
    return {
      keep: true,
      until: fromAllegation,
      by: "YEARS_FROM_ALLEGATION",
      dateOfBirthKnown: false,
      basis: `${prefix} keep until ${shown(fromAllegation)}, ${yearsText}. The person's date of birth is not known, so their normal pension age (${rules.normalPensionAge}) could not be counted: if it is later, keep the record until then.`,
    };
  }
  const pensionOn = addYearsToDay(dateOfBirth.toISOString().slice(0, 10), rules.normalPensionAge);
  const pensionText = `normal pension age (${rules.normalPensionAge}) on ${shown(pensionOn)}`;
  if (pensionOn > fromAllegation) {
    return {
      keep: true,
      until: pensionOn,
      by: "PENSION_AGE",
      dateOfBirthKnown: true,
      basis: `${prefix} keep until ${pensionText}, later than ${yearsText}, ${shown(fromAllegation)}.`,
    };
  }
  return {
    keep: true,
    until: fromAllegation,
    by: "YEARS_FROM_ALLEGATION",
    dateOfBirthKnown: true,
    basis: `${prefix} keep until ${shown(fromAllegation)}, ${yearsText}, ${pensionOn === fromAllegation ? "the same day as" : "later than"} ${pensionText}.`,
  };
}

export type ClosureFacts = {
  outcome: OutcomeType | null;
  closedAt: Date;
  /** When the contact was received: the date of the allegation. */
  allegationAt: Date;
  dateOfBirth: Date | null;
};

/** What closing sets on the case: the retention review date (a @db.Date) and how it was reached. */
export function retentionAtClosure(facts: ClosureFacts, rules: RetentionRules) {
  const lado = ladoRetention(facts.outcome, facts.closedAt, rules);
  const employer = facts.outcome ? employerRetention(facts.outcome, facts.allegationAt, facts.dateOfBirth, rules) : null;
  return {
    retentionReviewDate: new Date(`${lado.reviewOn}T00:00:00Z`),
    retentionBasis: [lado.basis, employer?.basis].filter(Boolean).join(" "),
  };
}

export type DeletionFacts = {
  /** When the case was closed (its latest closure signed off and not reopened), or null while it is open. */
  closedAt: Date | null;
  retentionReviewDate: Date | null;
  /** Legal holds on this case and on every record (caseId null), lifted or not. */
  holds: { reason: string; caseId: string | null; liftedAt: Date | null }[];
};

export type DeletionBlock =
  | { kind: "OPEN" }
  | { kind: "NO_RETENTION_DATE" }
  | { kind: "RETENTION"; until: string }
  | { kind: "LEGAL_HOLD"; reason: string; wholeService: boolean };

/**
 * Everything that stops a case's records being deleted on `today`
 * (yyyy-mm-dd, London): the case is open; it has no retention review date;
 * the date is not reached; a legal hold not lifted, on it or on every record.
 */
export function deletionBlockedBy(facts: DeletionFacts, today: string): DeletionBlock[] {
  const blocks: DeletionBlock[] = [];
  if (!facts.closedAt) blocks.push({ kind: "OPEN" });
  else if (!facts.retentionReviewDate) blocks.push({ kind: "NO_RETENTION_DATE" });
  else {
    const until = facts.retentionReviewDate.toISOString().slice(0, 10);
    if (today < until) blocks.push({ kind: "RETENTION", until });
  }
  for (const hold of facts.holds) {
    if (!hold.liftedAt) blocks.push({ kind: "LEGAL_HOLD", reason: hold.reason, wholeService: hold.caseId === null });
  }
  return blocks;
}

/** Whether a case's records may be deleted on `today`: nothing blocks it. */
export const mayDelete = (facts: DeletionFacts, today: string) => deletionBlockedBy(facts, today).length === 0;
