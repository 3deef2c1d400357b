import type { MessageStatus } from "~/generated/prisma/enums";

export const messageStatusLabels: Record<MessageStatus, string> = { QUEUED: "Queued", SENT: "Sent", FAILED: "Failed", OUTBOX: "Outbox" };

export const messageStatusTags: Record<MessageStatus, string> = {
  QUEUED: "govuk-tag--blue",
  SENT: "govuk-tag--green",
  FAILED: "govuk-tag--red",
  OUTBOX: "govuk-tag--grey",
};
