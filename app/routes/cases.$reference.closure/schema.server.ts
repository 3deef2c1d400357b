// The closure section's forms, one zod schema each: proposing closure, a
// manager's sign-off or return, reopening, a month's reason for delay, and
// placing or lifting a legal hold. Which form was sent is its `intent`.
import { z } from "zod";
import { text } from "~/contacts/contact-fields";

export const intents = ["propose", "sign-off", "return", "reopen", "delay-reason", "place-hold", "lift-hold"] as const;
export type Intent = (typeof intents)[number];
export const formIntent = z.object({ intent: z.enum(intents, "Choose what to do") });

/** The forms only a manager may send (case:sign-off). */
export const managerIntents: readonly Intent[] = ["sign-off", "return", "place-hold", "lift-hold"];

export const proposeForm = z
  .object({
    closureReason: text("The reason for closing", 5000, "Enter the reason for closing the case"),
    // Required only when actions are open: the closure rules say so, with how many.
    openActionsReason: text("The reason for closing with actions open", 5000),
  })
  .transform((v) => ({ reason: v.closureReason, openActionsReason: v.openActionsReason ?? null }));

export const returnForm = z
  .object({ returnComment: text("The comment", 5000, "Enter a comment saying what the LADO should do before closure") })
  .transform((v) => v.returnComment);

export const reopenForm = z
  .object({ reopenReason: text("The reason for reopening", 5000, "Enter the reason for reopening the case") })
  .transform((v) => v.reopenReason);

export const delayReasonForm = z.object({
  month: z.string("Choose the month").regex(/^\d{4}-\d{2}-01$/, "Choose the month"),
  delayReason: text("The reason for delay", 5000, "Enter the reason for delay"),
});

export const placeHoldForm = z
  .object({ holdReason: text("The reason for the legal hold", 2000, "Enter the reason for the legal hold") })
  .transform((v) => v.holdReason);

export const liftHoldForm = z.object({ holdId: z.uuid("Choose the legal hold to lift") }).transform((v) => v.holdId);
