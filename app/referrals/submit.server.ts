// Sending a referral: its draft becomes a contact exactly once. The draft row
// is locked first, so a double click, five parallel submits or a replay of an
// old request all wait for the first, then find it sent and get the same
// reference. The sent draft keeps only that reference (its answers are
// emptied) until it expires, so a replay within that time still finds it.
import { redirect } from "@remix-run/node";
import type { ReferralAnswers } from "./answers.server";
import { createContactIn } from "~/contacts/create-contact.server";
import { db } from "~/db.server";
import { deliverSoon } from "~/messages/outbox.server";
import type { Draft } from "./drafts.server";
import { takeSubmission } from "./limits.server";

/** The reference the draft was sent as: made now, or by an earlier submit of the same draft. */
export async function submitReferral(request: Request, draft: Draft, answers: ReferralAnswers): Promise<string> {
  const sent = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ submittedReference: string | null }[]>`
      SELECT "submittedReference" FROM "ReferralDraft" WHERE "id" = ${draft.id}::uuid FOR UPDATE`;
    if (!row) throw redirect("/refer?expired=1"); // deleted at expiry meanwhile
    if (row.submittedReference) return { reference: row.submittedReference, messageIds: [] };
    // Only a new referral counts against the address's hourly limit.
    takeSubmission(request);
    const contact = await createContactIn(tx, request, answers, { source: "ONLINE_FORM", receivedAt: new Date(), loggedById: null });
    await tx.document.updateMany({ where: { draftId: draft.id }, data: { caseId: contact.id, draftId: null } });
    await tx.referralDraft.update({
      where: { id: draft.id },
      data: { answers: {}, submittedReference: contact.reference, submittedAt: new Date() },
    });
    return contact;
  });
  void deliverSoon(sent.messageIds);
  return sent.reference;
}
