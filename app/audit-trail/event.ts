// The shape of one audit event as stored, apart from the app's database
// client, so the command-line import and export (which open their own
// connection: app/db.server.ts needs the web app's settings) write events
// exactly as recordAudit does.
import type { Prisma } from "~/generated/prisma/client";
import type { AuditAction, AuditSubject } from "./audit-trail.server";

export type AuditEventInput = {
  who: string | null;
  what: AuditAction;
  subject?: AuditSubject;
  /** The case the subject belongs to; for a case subject, the case itself. */
  caseId?: string | null;
  details?: Prisma.InputJsonObject;
};

/** The row recordAudit inserts for `event`, under the request (or command run) `requestId`. */
export function auditEventRow(event: AuditEventInput, requestId: string): Prisma.AuditEventUncheckedCreateInput {
  return {
    userId: event.who,
    action: event.what,
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    caseId: event.caseId ?? (event.subject?.type === "case" ? event.subject.id : null),
    requestId,
    details: event.details ?? {},
  };
}
