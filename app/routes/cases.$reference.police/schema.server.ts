// The police section's forms, one zod schema each: the police involvement
// (versioned), an update from the police, a challenge or escalation, the
// answer to one, and children's social care's section 47 enquiry
// (versioned). Dates are days on the case: real, not in the future, not
// before the contact was received. Which form was sent is its `intent`.
import { z } from "zod";
import { caseDay, requiredCaseDay } from "~/allegations/case-dates";
import type { AnswerAnswers, ChallengeAnswers, InvolvementAnswers, Section47Answers, UpdateAnswers } from "~/allegations/police.server";
import { versionField } from "~/cases/versions.server";
import { everyProblemAtOnce, text, yesNo } from "~/contacts/contact-fields";
import { ChallengeKind, PoliceStatus } from "~/generated/prisma/enums";

export const intents = ["involvement", "update", "challenge", "answer", "section47"] as const;
export type Intent = (typeof intents)[number];
export const formIntent = z.object({ intent: z.enum(intents, "Choose what to record") });

/** The names of the versioned forms' fields, for "X changed Force, Status at ...". */
export const involvementLabels: Record<string, string> = {
  force: "Force",
  reference: "Reference",
  officerName: "Officer",
  officerContact: "Officer's contact details",
  informedAt: "Date informed",
  status: "Status",
  openedAt: "Investigation opened",
  concludedAt: "Concluded",
};
export const section47Labels: Record<string, string> = {
  referredAt: "Referred to children's social care",
  held: "Section 47 enquiry held",
  startedAt: "Enquiry started",
  result: "Result",
};

/** A later day before an earlier one: the problem, on the later day's field. */
function notBefore(ctx: z.RefinementCtx, later: Date | undefined, earlier: Date | undefined, path: string, message: string) {
  if (later && earlier && later < earlier) ctx.addIssue({ code: "custom", path: [path], message });
}

export const involvementForm = (receivedDay: string) =>
  z
    .object({
      ...versionField,
      status: z.enum(PoliceStatus, "Select what the police are doing"),
      force: text("The force", 200),
      reference: text("The police reference", 100),
      officerName: text("The officer's name", 200),
      officerContact: text("The officer's contact details", 200),
      informedAt: caseDay("The date the police were informed", receivedDay),
      openedAt: caseDay("The date the investigation opened", receivedDay),
      concludedAt: caseDay("The date the police concluded", receivedDay),
    })
    .superRefine(
      (v, ctx) => {
        notBefore(ctx, v.openedAt, v.informedAt, "openedAt", "The date the investigation opened must be on or after the date informed");
        notBefore(
          ctx,
          v.concludedAt,
          v.openedAt ?? v.informedAt,
          "concludedAt",
          "The date concluded must be on or after the investigation opened",
        );
      },
      { when: everyProblemAtOnce },
    )
    .transform((v): { version: number; answers: InvolvementAnswers } => ({
      version: v.version,
      answers: {
        force: v.force ?? null,
        reference: v.reference ?? null,
        officerName: v.officerName ?? null,
        officerContact: v.officerContact ?? null,
        informedOn: v.informedAt ?? null,
        status: v.status,
        openedOn: v.openedAt ?? null,
        concludedOn: v.concludedAt ?? null,
      },
    }));

export const updateForm = (receivedDay: string) =>
  z
    .object({
      updateDate: requiredCaseDay("The date of the update", receivedDay, "Enter the date of the update"),
      updateStatus: z.enum(PoliceStatus, "Select what the police are doing now"),
      updateNote: text("The update", 5000, "Enter what the police said"),
    })
    .transform((v): UpdateAnswers => ({ on: v.updateDate, status: v.updateStatus, note: v.updateNote }));

export const challengeForm = (receivedDay: string) =>
  z
    .object({
      challengeDate: requiredCaseDay("The date of the challenge", receivedDay, "Enter the date you challenged or escalated"),
      challengeKind: z.enum(ChallengeKind, "Select challenge or escalation"),
      challengeTo: text("Who you asked", 200, "Enter who you asked: the officer, or the rank you escalated to"),
      challengeDetail: text("What you asked", 5000, "Enter what you asked the police"),
    })
    .transform((v): ChallengeAnswers => ({ on: v.challengeDate, kind: v.challengeKind, toWhom: v.challengeTo, detail: v.challengeDetail }));

export const answerForm = (receivedDay: string) =>
  z
    .object({
      challengeId: z.uuid("Select the challenge or escalation the police answered"),
      response: text("The answer", 5000, "Enter the police's answer"),
      answeredAt: requiredCaseDay("The date answered", receivedDay, "Enter the date the police answered"),
    })
    .transform((v): AnswerAnswers => ({ challengeId: v.challengeId, response: v.response, answeredOn: v.answeredAt }));

export const section47Form = (receivedDay: string) =>
  z
    .object({
      ...versionField,
      referredAt: caseDay("The date referred", receivedDay),
      held: yesNo("Select yes if children's social care held a section 47 enquiry"),
      startedAt: caseDay("The date the enquiry started", receivedDay),
      result: text("The result", 5000),
    })
    .superRefine(
      (v, ctx) => {
        if (v.held === false && (v.startedAt || v.result)) {
          ctx.addIssue({
            code: "custom",
            path: ["held"],
            message: "Select yes if the enquiry was held, or clear its start date and result",
          });
        }
        notBefore(ctx, v.startedAt, v.referredAt, "startedAt", "The date the enquiry started must be on or after the date referred");
      },
      { when: everyProblemAtOnce },
    )
    .transform((v): { version: number; answers: Section47Answers } => ({
      version: v.version,
      answers: { referredOn: v.referredAt ?? null, held: v.held === true, startedOn: v.startedAt ?? null, result: v.result ?? null },
    }));
