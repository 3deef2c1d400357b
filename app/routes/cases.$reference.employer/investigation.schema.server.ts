// The employer's investigation form (intent "employer-investigation"):
// what the employer is looking into, its status, dates and, once concluded,
// its coded result. Field names carry "investigation" so they stay apart from
// the employer actions form on the same page.
import { z } from "zod";
import { caseDay } from "~/allegations/case-dates";
import type { InvestigationAnswers } from "~/allegations/employer-investigation.server";
import { versionField } from "~/cases/versions.server";
import { everyProblemAtOnce, text } from "~/contacts/contact-fields";
import { EmployerInvestigationStatus, EmployerResult } from "~/generated/prisma/enums";

/** The record's fields by name, for "X changed Status at ...". */
export const investigationLabels: Record<string, string> = {
  agreedActions: "What the employer is investigating",
  status: "Status",
  startedAt: "Started",
  concludedAt: "Concluded",
  resultCode: "Result",
  result: "Result notes",
};

const optionalResult = z.preprocess((v) => (v === "" ? undefined : v), z.enum(EmployerResult, "Select the employer's result").optional());

export const investigationForm = (receivedDay: string) =>
  z
    .object({
      ...versionField,
      investigationAgreed: text("What the employer is investigating", 5000, "Enter what the employer is investigating"),
      investigationStatus: z.enum(EmployerInvestigationStatus, "Select where the employer's investigation is"),
      investigationStartedAt: caseDay("The date it started", receivedDay),
      investigationConcludedAt: caseDay("The date it concluded", receivedDay),
      investigationResultCode: optionalResult,
      investigationResult: text("The result notes", 5000),
    })
    .superRefine(
      (v, ctx) => {
        const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        const refused = (field: string) => ctx.issues.some((issue) => issue.path?.[0] === field);
        if (v.investigationStatus === "CONCLUDED") {
          if (!v.investigationConcludedAt && !refused("investigationConcludedAt")) {
            problem("investigationConcludedAt", "Enter the date the employer's investigation concluded");
          }
          if (!v.investigationResultCode) problem("investigationResultCode", "Select the employer's result");
        } else if (v.investigationStatus && (v.investigationConcludedAt || v.investigationResultCode)) {
          problem("investigationStatus", "Select concluded for an investigation with a result, or clear the date concluded and the result");
        }
        const { investigationStartedAt: started, investigationConcludedAt: concluded } = v;
        if (started && concluded && concluded < started) {
          problem("investigationConcludedAt", "The date it concluded must be on or after the date it started");
        }
      },
      { when: everyProblemAtOnce },
    )
    .transform((v): { version: number; answers: InvestigationAnswers } => ({
      version: v.version,
      answers: {
        agreedActions: v.investigationAgreed,
        status: v.investigationStatus,
        startedOn: v.investigationStartedAt ?? null,
        concludedOn: v.investigationConcludedAt ?? null,
        resultCode: v.investigationResultCode ?? null,
        result: v.investigationResult ?? null,
      },
    }));
