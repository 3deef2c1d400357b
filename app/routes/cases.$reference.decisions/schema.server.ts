// The forms of the decisions section, one zod schema each: the initial
// consideration, the threshold decision (the two together for a case's
// first decision, so a LADO can do both at one sitting), and a cause for
// concern's agreement with the employer and its result. Which form was sent
// is its `intent`.
import { z } from "zod";
import { date, everyProblemAtOnce, several, text, yesNo } from "~/contacts/contact-fields";
import { DecisionCategory, EmployerResult, HarmCategory, HarmCriterion, ImmediateAction } from "~/generated/prisma/enums";
import type { InitialConsiderationAnswers } from "~/triage/initial-consideration.server";
import type { DecisionAnswers } from "~/triage/decisions.server";
import type { AgreementAnswers, ResultAnswers } from "~/triage/cause-for-concern.server";
import { harmCriteriaProblem } from "~/triage/decisions";
import { immediateActionsProblem } from "~/triage/initial-consideration";

export const intents = ["consider", "decide", "consider-and-decide", "agreement", "result"] as const;
export type Intent = (typeof intents)[number];
export const formIntent = z.enum(intents);

export const considerationForm = z
  .object({
    priorHistorySeen: yesNo("Select yes if you have seen the prior history of this person and setting"),
    immediateActions: several(ImmediateAction, "Select the immediate action taken, or no immediate action"),
    immediateActionDetail: text("The other immediate action", 500),
    considerationNotes: text("Notes", 5000),
  })
  .superRefine(
    (v, ctx) => {
      const problem = immediateActionsProblem(v.immediateActions ?? [], v.immediateActionDetail);
      if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    },
    { when: everyProblemAtOnce },
  )
  .transform((v): InitialConsiderationAnswers => ({
    priorHistorySeen: v.priorHistorySeen === true,
    immediateActions: v.immediateActions,
    immediateActionDetail: v.immediateActionDetail ?? null,
    notes: v.considerationNotes ?? null,
  }));

export const decisionForm = z
  .object({
    // Hidden: the revision the page showed. One that is missing or tampered
    // with matches no revision, and is answered as a decision recorded meanwhile.
    basedOn: z.coerce.number().int().min(0).catch(-1),
    category: z.enum(DecisionCategory, "Select the threshold decision"),
    harmCriteria: several(HarmCriterion, false),
    harmCategories: several(HarmCategory, false),
    rationale: text("The rationale", 10_000, "Enter the rationale for the decision"),
  })
  .superRefine(
    (v, ctx) => {
      if (!v.category) return; // its own error says so
      const problem = harmCriteriaProblem(v.category, v.harmCriteria ?? []);
      if (problem) ctx.addIssue({ code: "custom", path: ["harmCriteria"], message: problem });
    },
    { when: everyProblemAtOnce },
  )
  .transform((v): DecisionAnswers => v);

/** A required GOV.UK date input, as its calendar day (midnight UTC). */
const requiredDay = (label: string, required: string, notFuture = false) =>
  // The day's own check has already failed the form when there is none: the pipe only says so to the types.
  date(label, { required, notFuture }).pipe(z.date(required));

export const agreementForm = z
  .object({
    agreedActions: text("What was agreed", 5000, "Enter what was agreed with the employer"),
    agreedAt: requiredDay("The date it was agreed", "Enter the date it was agreed", true),
    investigator: text("The investigator", 200),
    reportBackBy: requiredDay("The report-back date", "Enter the date the employer will report back by"),
  })
  .superRefine(
    (v, ctx) => {
      if (v.agreedAt && v.reportBackBy && v.reportBackBy < v.agreedAt) {
        ctx.addIssue({
          code: "custom",
          path: ["reportBackBy"],
          message: "The report-back date must be the same as or after the date agreed",
        });
      }
    },
    { when: everyProblemAtOnce },
  )
  .transform((v): AgreementAnswers => ({
    agreedActions: v.agreedActions,
    agreedOn: v.agreedAt,
    investigator: v.investigator ?? null,
    reportBackBy: v.reportBackBy,
  }));

export const resultForm = z
  .object({
    resultCode: z.enum(EmployerResult, "Select the employer's result"),
    result: text("What the employer found and did", 5000, "Enter what the employer found and did"),
    resultReceivedAt: requiredDay("The date the result was received", "Enter the date the result was received", true),
  })
  .transform((v): ResultAnswers => ({ resultCode: v.resultCode, result: v.result, receivedOn: v.resultReceivedAt }));
