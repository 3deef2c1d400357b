// The prior-history section's reads and its one form: has this person, or
// this setting, come to the service before? The check runs on every view
// (inside the audited read), so what is shown is never out of date.
import { z } from "zod";
import type { Prisma } from "~/db.server";
import { priorHistory } from "~/people/matching.server";

export function readPriorHistory(tx: Prisma.TransactionClient, caseId: string) {
  return priorHistory(tx, caseId);
}

/** Confirm or reject one suggested match (its PersonMatch id). */
export const decisionForm = z.object({
  intent: z.enum(["confirm", "reject"], "Choose whether this is the same person"),
  match: z.uuid("Choose a match to confirm or reject"),
});
