// The audit trail: one function writes every event, in one shape
// { who, what, when, case, request id, details }. There is no function that
// edits or deletes an event, and the database refuses to.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { requestId } from "~/utils/request-id.server";

type Tx = Pick<typeof db, "auditEvent">;

export type AuditAction =
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-out"
  | "case.view"
  | "case.create"
  | "case.update"
  | "referral.submit"
  | "contact.log"
  | "document.download"
  | "message.resend"
  | "audit.view-case-trail"
  | "audit.view-user-trail"
  | "user.create"
  | "user.update";

export async function recordAudit(
  request: Request,
  event: {
    who: string | null;
    what: AuditAction;
    caseId?: string | null;
    details?: Prisma.InputJsonObject;
  },
  tx: Tx = db,
) {
  await tx.auditEvent.create({
    data: {
      userId: event.who,
      action: event.what,
      caseId: event.caseId ?? null,
      requestId: requestId(request),
      details: event.details ?? {},
    },
  });
}

export const auditActionLabels: Record<AuditAction, string> = {
  "auth.sign-in": "Signed in",
  "auth.sign-in-failed": "Failed sign-in",
  "auth.sign-out": "Signed out",
  "case.view": "Viewed case",
  "case.create": "Created case",
  "case.update": "Changed case",
  "referral.submit": "Referral submitted online",
  "contact.log": "Logged a contact",
  "document.download": "Downloaded a document",
  "message.resend": "Tried a failed email again",
  "audit.view-case-trail": "Viewed a case's audit trail",
  "audit.view-user-trail": "Viewed a user's audit trail",
  "user.create": "Added a user",
  "user.update": "Changed a user",
};

const PAGE_SIZE = 50;

export const trailQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

/** A page of events, newest first, for a case or a user. */
export async function auditTrail(where: { caseId: string } | { userId: string }, page: number) {
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { user: { select: { name: true } }, case: { select: { reference: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    events: events.map((e) => ({
      id: e.id.toString(),
      at: e.at,
      label: auditActionLabels[e.action as AuditAction] ?? e.action,
      user: e.user,
      case: e.case,
      requestId: e.requestId,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** Every member of staff with how many events they have in the trail. */
export function staffActivity() {
  return db.user.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, roles: true, _count: { select: { auditEvents: true } } },
  });
}
