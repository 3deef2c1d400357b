// The outcome section's forms, one zod schema each, made for the case's
// contact day (nothing on the case is dated before the LADO heard of it):
// the outcome (versioned), an onward referral, and an outcome letter. Which
// form was sent is its `intent`.
import { z } from "zod";
import { requiredCaseDay } from "~/allegations/case-dates";
import type { OnwardReferralAnswers, OutcomeAnswers } from "~/allegations/outcome.server";
import type { OutcomeLetterRequest } from "~/allegations/outcome-letter.server";
import { versionField } from "~/cases/versions.server";
import { everyProblemAtOnce, several, text } from "~/contacts/contact-fields";
import { LetterMethod, LetterRecipient, OnwardBody, OutcomeType } from "~/generated/prisma/enums";
import { londonMoment } from "~/utils/dates";

/** The circumstances in which a conclusion is still reached. */
export const Circumstance = { RESIGNED: "RESIGNED", REFUSED_TO_COOPERATE: "REFUSED_TO_COOPERATE" } as const;

export function outcomeForm(receivedDay: string) {
  return z
    .object({
      ...versionField,
      outcome: z.enum(OutcomeType, "Select the outcome"),
      rationale: text("The rationale", 10_000, "Enter the rationale for the outcome"),
      decidedAt: requiredCaseDay("The date of the outcome", receivedDay, "Enter the date of the outcome"),
      circumstances: several(Circumstance, false),
    })
    .transform((v): { version: number; data: OutcomeAnswers } => ({
      version: v.version,
      data: {
        outcome: v.outcome,
        rationale: v.rationale,
        // The day the outcome was reached, as the moment it began in London.
        decidedAt: londonMoment(v.decidedAt.toISOString().slice(0, 10)),
        personResigned: v.circumstances.includes("RESIGNED"),
        refusedToCooperate: v.circumstances.includes("REFUSED_TO_COOPERATE"),
      },
    }));
}

export function onwardReferralForm(receivedDay: string) {
  return z
    .object({
      body: z.enum(OnwardBody, "Select who the referral was made to"),
      referredAt: requiredCaseDay("The date of the referral", receivedDay, "Enter the date of the referral"),
      referredBy: text("Who made the referral", 200, "Enter who made the referral"),
      reference: text("Their reference", 100),
      detail: text("Detail", 5000),
    })
    .superRefine(
      (v, ctx) => {
        if (v.body === "OTHER" && !v.detail) {
          ctx.addIssue({ code: "custom", path: ["detail"], message: "Enter who the referral was made to, and why" });
        }
      },
      { when: everyProblemAtOnce },
    )
    .transform((v): OnwardReferralAnswers => ({
      body: v.body,
      referredAt: v.referredAt,
      referredBy: v.referredBy,
      reference: v.reference ?? null,
      detail: v.detail ?? null,
    }));
}

export const outcomeLetterForm = z
  .object({
    recipient: z.enum(LetterRecipient, "Select who the letter is to"),
    method: z.enum(LetterMethod, "Select how to send the letter: by email or by post"),
    email: z.string().trim().max(254, "The email address must be 254 characters or fewer").optional(),
  })
  .superRefine(
    (v, ctx) => {
      if (v.method !== "EMAIL") return;
      if (!v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the email address to send the letter to" });
      else if (!z.email().safeParse(v.email).success) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "Enter an email address in the correct format, like name@example.org" });
      }
    },
    { when: everyProblemAtOnce },
  )
  .transform((v): OutcomeLetterRequest => ({
    recipient: v.recipient,
    method: v.method,
    email: v.method === "EMAIL" && v.email ? v.email.toLowerCase() : null,
  }));
