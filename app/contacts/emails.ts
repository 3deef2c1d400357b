// The wording of the emails a new contact sends. No case detail goes by email:
// only the reference and when it was received.
import type { ContactSource } from "~/generated/prisma/enums";
import { sourceLabels } from "~/contacts/labels";
import { nextStepsText } from "~/referrals/next-steps";
import { londonDateTime } from "~/utils/dates";

export function receiptEmail(reference: string, receivedAt: Date) {
  return {
    template: "referral-receipt" as const,
    subject: `Your referral to the LADO: ${reference}`,
    body:
      `Thank you. We received your referral on ${londonDateTime(receivedAt)}.\n\n` +
      `Your reference is ${reference}. Please quote it if you contact us about this referral.\n\n` +
      "A LADO will consider it within one working day and will contact you if they need to know more. " +
      "If a child is in immediate danger, call 999.\n\n" +
      nextStepsText(),
  };
}

export function teamAlertEmail(reference: string, receipt: { source: ContactSource; receivedAt: Date }) {
  return {
    template: "referral-team-alert" as const,
    subject: `New contact ${reference} in the triage queue`,
    body:
      `A new contact (${sourceLabels[receipt.source].toLowerCase()}) was received on ${londonDateTime(receipt.receivedAt)}: ${reference}.\n\n` +
      "Open the triage queue in the LADO case management system to see it.",
  };
}
