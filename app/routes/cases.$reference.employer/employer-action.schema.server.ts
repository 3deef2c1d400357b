// The employer's actions form (intent "employer-action"): one zod schema, made
// for the case's contact day, since no date on it can come before the LADO
// heard of the matter. What does not apply (the suspension's details when the
// person was not suspended, a reason for not suspending when they were) is
// not kept, whatever a form shown without JavaScript sent.
import { z } from "zod";
import type { EmployerActionAnswers } from "~/allegations/employer-action.server";
import { caseDay } from "~/allegations/case-dates";
import { versionField } from "~/cases/versions.server";
import { date, everyProblemAtOnce, several, text, yesNo } from "~/contacts/contact-fields";
import { EmployerFinalAction, SuspensionAlternative } from "~/generated/prisma/enums";

/** Review dates the form can hold: a year of fortnightly reviews. */
export const MAX_REVIEW_DATES = 26;
export const reviewDateField = (i: number) => `reviewDate${i + 1}`;
const reviewFields = Array.from({ length: MAX_REVIEW_DATES }, (_, i) => reviewDateField(i));

const optionalChoice = <T extends Record<string, string>>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, "Choose one of the options").optional());

const day = (d: Date) => d.toISOString().slice(0, 10);

type Suspension = {
  alternativesConsidered?: string[];
  alternativesRejected?: string;
  suspendedAt?: Date;
  suspensionAgreedBy?: string;
  suspensionRationale?: string;
  writtenConfirmationAt?: Date;
  suspensionEndedAt?: Date;
  returnedToWorkAt?: Date;
};

/** What a suspension must have, and its dates not before it (fields that did not parse are undefined). */
function suspensionProblems(v: Suspension, problem: (path: string, message: string) => void) {
  if ((v.alternativesConsidered?.length ?? 0) > 0 && !v.alternativesRejected) {
    problem("alternativesRejected", "Enter why the alternatives considered were rejected");
  }
  if (!v.suspendedAt) problem("suspendedAt", "Enter the date of suspension");
  if (!v.suspensionAgreedBy) problem("suspensionAgreedBy", "Enter who agreed the suspension");
  if (!v.suspensionRationale) problem("suspensionRationale", "Enter the rationale for suspension");
  const from = v.suspendedAt;
  const notBefore = (field: string, at: Date | undefined, what: string) => {
    if (from && at && at < from) problem(field, `${what} must be on or after the date of suspension`);
  };
  notBefore("writtenConfirmationAt", v.writtenConfirmationAt, "The date of written confirmation");
  notBefore("suspensionEndedAt", v.suspensionEndedAt, "The date the suspension ended");
  notBefore("returnedToWorkAt", v.returnedToWorkAt, "The date the person returned to work");
  const reviews = v as Record<string, unknown>;
  for (const f of reviewFields) notBefore(f, reviews[f] as Date | undefined, "A review date");
}

export function employerActionForm(receivedDay: string) {
  const onCase = (label: string) => caseDay(label, receivedDay);
  return z
    .object({
      ...versionField,
      suspensionConsidered: yesNo("Select yes if suspension was considered"),
      alternativesConsidered: several(SuspensionAlternative, false),
      alternativesRejected: text("Why the alternatives were rejected", 5000),
      suspended: yesNo("Select yes if the person was suspended"),
      notSuspendedReason: text("Why the person was not suspended", 5000),
      suspendedAt: onCase("The date of suspension"),
      suspensionAgreedBy: text("Who agreed the suspension", 200),
      suspensionRationale: text("The rationale for suspension", 10_000),
      writtenConfirmationAt: onCase("The date of written confirmation"),
      namedContact: text("The named contact", 200),
      // Reviews may be planned ahead: not in the future is not asked of them.
      ...Object.fromEntries(reviewFields.map((f, i) => [f, date(`Review date ${i + 1}`, {})])),
      suspensionEndedAt: onCase("The date the suspension ended"),
      redeployed: yesNo("Select yes if the person was redeployed"),
      redeployedAt: onCase("The date of redeployment"),
      returnedToWorkAt: onCase("The date the person returned to work"),
      finalAction: optionalChoice(EmployerFinalAction),
      finalActionAt: onCase("The date of the final action"),
      finalActionDetail: text("The detail of the final action", 5000),
    })
    .superRefine(
      (v, ctx) => {
        const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        if (v.suspended === true && v.suspensionConsidered === false) {
          problem("suspensionConsidered", "Select yes: the person was suspended, so suspension was considered");
        }
        if (v.suspended === false && v.suspensionConsidered && !v.notSuspendedReason) {
          problem("notSuspendedReason", "Enter why the person was not suspended");
        }
        if (v.suspended) suspensionProblems(v, problem);
        if (v.redeployed && !v.redeployedAt) problem("redeployedAt", "Enter the date of redeployment");
        if (v.finalAction && !v.finalActionAt) problem("finalActionAt", "Enter the date of the final action");
        if (v.finalAction === "OTHER" && !v.finalActionDetail) problem("finalActionDetail", "Enter what the final action was");
      },
      { when: everyProblemAtOnce },
    )
    .transform((v): { version: number; data: EmployerActionAnswers } => {
      const reviews = v as unknown as Record<string, Date | undefined>;
      const suspended = v.suspended === true;
      const when = <T>(yes: boolean, value: T | undefined) => (yes ? (value ?? null) : null);
      const reviewDays = [
        ...new Set(
          reviewFields
            .map((f) => reviews[f])
            .filter((d): d is Date => !!d)
            .map(day),
        ),
      ].sort();
      return {
        version: v.version,
        data: {
          suspensionConsidered: v.suspensionConsidered === true,
          alternativesConsidered: v.alternativesConsidered,
          alternativesRejected: v.alternativesRejected ?? null,
          notSuspendedReason: when(!suspended, v.notSuspendedReason),
          suspended,
          suspendedAt: when(suspended, v.suspendedAt),
          suspensionAgreedBy: when(suspended, v.suspensionAgreedBy),
          suspensionRationale: when(suspended, v.suspensionRationale),
          writtenConfirmationAt: when(suspended, v.writtenConfirmationAt),
          namedContact: when(suspended, v.namedContact),
          suspensionReviewDates: suspended ? reviewDays.map((d) => new Date(`${d}T00:00:00Z`)) : [],
          suspensionEndedAt: when(suspended, v.suspensionEndedAt),
          redeployed: v.redeployed === true,
          redeployedAt: when(v.redeployed === true, v.redeployedAt),
          returnedToWorkAt: v.returnedToWorkAt ?? null,
          finalAction: v.finalAction ?? null,
          finalActionAt: when(Boolean(v.finalAction), v.finalActionAt),
          finalActionDetail: when(Boolean(v.finalAction), v.finalActionDetail),
        },
      };
    });
}
