// The telling-people form, one for each kind: done on a day by someone (for
// the person the allegation is about, also whether the police and children's
// social care agreed first), or not done with the reason. The day is a day on
// the case: real, not in the future, not before the contact was received.
import { z } from "zod";
import { caseDay } from "~/allegations/case-dates";
import type { InformingAnswers } from "~/allegations/informing.server";
import { versionField } from "~/cases/versions.server";
import { everyProblemAtOnce, text } from "~/contacts/contact-fields";
import { InformingKind } from "~/generated/prisma/enums";

/** The field names, for "X changed Date, By whom at ...". */
export const informingLabels: Record<string, string> = {
  done: "Done or not done",
  doneOn: "Date",
  byWhom: "By whom",
  policeAgreed: "Police agreed",
  socialCareAgreed: "Children's social care agreed",
  notDoneReason: "Why not",
};

/** Yes, no, or "not involved" (null): whether an agency agreed before the person was told. */
const agreed = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["yes", "no", "not-involved"]).optional());
const agreedValue = (v: "yes" | "no" | "not-involved" | undefined) => (v === "yes" ? true : v === "no" ? false : null);

export const informingForm = (receivedDay: string) =>
  z
    .object({
      ...versionField,
      kind: z.enum(InformingKind, "Choose what to record"),
      done: z.enum(["yes", "no"], "Select whether this was done"),
      doneOn: caseDay("The date", receivedDay),
      byWhom: text("Who did it", 200),
      policeAgreed: agreed,
      socialCareAgreed: agreed,
      notDoneReason: text("The reason", 5000),
    })
    .superRefine(
      (v, ctx) => {
        const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        if (v.done === "yes") {
          // A date that is not a real one, or is out of range, has its own message already.
          const dateRefused = ctx.issues.some((issue) => issue.path?.[0] === "doneOn");
          if (!v.doneOn && !dateRefused) problem("doneOn", "Enter the date it was done");
          if (!v.byWhom) problem("byWhom", "Enter who did it");
          if (v.kind === "SUBJECT_TOLD") {
            if (!v.policeAgreed) problem("policeAgreed", "Select whether the police agreed before the person was told");
            if (!v.socialCareAgreed) problem("socialCareAgreed", "Select whether children's social care agreed before the person was told");
          }
        }
        if (v.done === "no" && !v.notDoneReason) problem("notDoneReason", "Enter why it was not done");
      },
      { when: everyProblemAtOnce },
    )
    .transform((v): { version: number; kind: InformingKind; answers: InformingAnswers } => ({
      version: v.version,
      kind: v.kind,
      answers:
        v.done === "yes"
          ? {
              done: true,
              doneOn: v.doneOn!,
              byWhom: v.byWhom!,
              policeAgreed: v.kind === "SUBJECT_TOLD" ? agreedValue(v.policeAgreed) : null,
              socialCareAgreed: v.kind === "SUBJECT_TOLD" ? agreedValue(v.socialCareAgreed) : null,
            }
          : { done: false, notDoneReason: v.notDoneReason! },
    }));
