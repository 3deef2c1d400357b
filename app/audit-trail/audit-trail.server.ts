// The audit trail: one function writes every event, in one shape
// { who, what, when, subject, case, request id, details }, inside the
// transaction of the read or change it records. There is no function that
// edits or deletes an event, and the database refuses to.
import { z } from "zod";
import { db } from "~/db.server";
import { requestId } from "~/utils/request-id.server";
import { auditEventRow, type AuditEventInput } from "./event";

type Client = Pick<typeof db, "auditEvent">;

export type AuditAction =
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-out"
  | "case.view"
  | "referral.submit"
  | "referral.delete-draft"
  | "contact.log"
  | "document.download"
  | "message.resend"
  | "audit-trail.view-case"
  | "audit-trail.view-user"
  | "user.create"
  | "user.update"
  | "bank-holiday.add"
  | "bank-holiday.change"
  | "bank-holiday.remove"
  | "settings.change"
  | "case.allocate"
  | "case.initial-consideration"
  | "case.decide"
  | "case.link"
  | "prior-history.confirm"
  | "prior-history.reject"
  | "cause-for-concern.record"
  | "advice.record"
  | "advice.letter"
  | "advice-tracker.view"
  | "advice-tracker.export"
  | "records.import"
  | "records.export"
  | "meeting.schedule"
  | "meeting.record"
  | "meeting.cancel"
  | "meeting.minutes"
  | "action.add"
  | "action.update"
  | "police.record"
  | "police.update"
  | "police.challenge"
  | "social-care.record"
  | "employer-investigation.record"
  | "informing.record"
  | "employer-action.record"
  | "outcome.record"
  | "onward-referral.record"
  | "outcome-letter.send"
  | "delay-reason.record"
  | "closure.propose"
  | "closure.sign-off"
  | "closure.return"
  | "closure.reopen"
  | "legal-hold.place"
  | "legal-hold.lift"
  | "case.chronology"
  | "case.file-export"
  | "my-work.view"
  | "team.view";

/** What an event is about. A case's events also carry the case, so its trail finds them. */
export type AuditSubject = {
  type:
    | "case"
    | "user"
    | "document"
    | "message"
    | "referral-draft"
    | "bank-holiday"
    | "setting"
    | "person-match"
    | "advice-tracker"
    | "import-batch"
    | "export"
    | "meeting"
    | "action"
    | "police"
    | "social-care"
    | "employer-investigation"
    | "informing"
    | "employer-action"
    | "outcome"
    | "onward-referral"
    | "closure"
    | "legal-hold"
    | "team";
  id: string;
};

export async function recordAudit(request: Request, event: AuditEventInput, tx: Client = db) {
  await tx.auditEvent.create({ data: auditEventRow(event, requestId(request)) });
}

export const auditActionLabels: Record<AuditAction, string> = {
  "auth.sign-in": "Signed in",
  "auth.sign-in-failed": "Failed sign-in",
  "auth.sign-out": "Signed out",
  "case.view": "Viewed case",
  "referral.submit": "Referral submitted online",
  "referral.delete-draft": "Referrer deleted an unsent referral",
  "contact.log": "Logged a contact",
  "document.download": "Downloaded a document",
  "message.resend": "Tried a failed email again",
  "audit-trail.view-case": "Viewed a case's audit trail",
  "audit-trail.view-user": "Viewed a user's audit trail",
  "user.create": "Added a user",
  "user.update": "Changed a user",
  "bank-holiday.add": "Added a bank holiday",
  "bank-holiday.change": "Changed a bank holiday",
  "bank-holiday.remove": "Removed a bank holiday",
  "settings.change": "Changed the service's rules",
  "case.allocate": "Allocated a contact",
  "case.initial-consideration": "Recorded the initial consideration",
  "case.decide": "Recorded a threshold decision",
  "case.link": "Linked contacts about one matter",
  "prior-history.confirm": "Confirmed a prior-history match",
  "prior-history.reject": "Rejected a prior-history match",
  "cause-for-concern.record": "Recorded the employer's investigation of a cause for concern",
  "advice.record": "Recorded advice",
  "advice.letter": "Sent an advice follow-up letter",
  "advice-tracker.view": "Viewed the advice tracker",
  "advice-tracker.export": "Exported the advice tracker",
  "records.import": "Imported past records",
  "records.export": "Exported records (every case, or an import's bad rows)",
  "meeting.schedule": "Scheduled a meeting",
  "meeting.record": "Recorded a meeting",
  "meeting.cancel": "Cancelled a meeting",
  "meeting.minutes": "Made or sent a meeting's minutes",
  "action.add": "Added an action",
  "action.update": "Updated an action",
  "police.record": "Recorded police involvement",
  "police.update": "Recorded an update from the police",
  "police.challenge": "Recorded a challenge or escalation to the police",
  "social-care.record": "Recorded children's social care's enquiry",
  "employer-investigation.record": "Recorded the employer's investigation",
  "informing.record": "Recorded telling someone about the allegation or outcome",
  "employer-action.record": "Recorded the employer's actions",
  "outcome.record": "Recorded the outcome",
  "onward-referral.record": "Recorded an onward referral",
  "outcome-letter.send": "Made or sent an outcome letter",
  "delay-reason.record": "Recorded a reason for delay",
  "closure.propose": "Proposed closure",
  "closure.sign-off": "Signed off closure",
  "closure.return": "Returned a proposed closure",
  "closure.reopen": "Reopened a case",
  "legal-hold.place": "Placed a legal hold",
  "legal-hold.lift": "Lifted a legal hold",
  "case.chronology": "Viewed or printed the chronology",
  "case.file-export": "Exported the whole case file",
  "my-work.view": "Viewed My work",
  "team.view": "Viewed the team view",
};

const PAGE_SIZE = 50;

export const trailQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

/** A page of events, newest first, for a case or a user (read inside the caller's transaction). */
export async function auditTrail(tx: Client, where: { caseId: string } | { userId: string }, page: number) {
  const [events, total] = await Promise.all([
    tx.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { user: { select: { name: true } }, case: { select: { reference: true } } },
    }),
    tx.auditEvent.count({ where }),
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

/** What a member of staff did, a page of it, with this view recorded in the same transaction. */
export function viewUserTrail(request: Request, viewerId: string, userId: string, page: number) {
  return db.$transaction(async (tx) => {
    const trail = await auditTrail(tx, { userId }, page);
    await recordAudit(request, { who: viewerId, what: "audit-trail.view-user", subject: { type: "user", id: userId } }, tx);
    return trail;
  });
}

/** Every member of staff with how many events they have in the trail. */
export function staffActivity() {
  return db.user.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, roles: true, _count: { select: { auditEvents: true } } },
  });
}
