// Meetings of an allegation: scheduled (for any time, past or future), then
// recorded once held (who came or sent apologies, what was shared and
// decided, the actions agreed and the next review), or cancelled with a
// reason. Each change is audited on the meeting with its version, and a
// save from an out-of-date page is refused with what changed
// (app/cases/versions.server.ts). "Make and send the minutes" stores the
// minutes PDF on the case and emails it to each attendee with an email
// address (app/documents/letters.server.ts). meetingsDue gives the next
// meeting due on each of a set of cases (app/allegations/meeting-due.ts).
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { changedFields, versionDetails } from "~/cases/versions.server";
import { env } from "~/config/env.server";
import { getBankHolidays, getSettings } from "~/config/settings.server";
import { db, type Prisma } from "~/db.server";
import { keepAndSendLetter } from "~/documents/letters.server";
import type { MeetingMode, MeetingType } from "~/generated/prisma/enums";
import { londonDate, londonDay } from "~/utils/dates";
import { createActions, staleSave, type NewAction, type Saved } from "./actions.server";
import { meetingTypeLabels } from "./labels";
import { nextMeetingDue, type MeetingDue } from "./meeting-due";
import { minutesPdf } from "./minutes-pdf.server";

export type Arrangements = { type: MeetingType; heldAt: Date; mode: MeetingMode; location: string; chair: string };
export type AttendeeAnswers = { name: string; agency: string; role: string | null; email: string | null; attended: boolean };
export type MeetingRecord = Arrangements & {
  attendees: AttendeeAnswers[];
  informationShared: string;
  decisions: string;
  nextReviewDate: Date | null;
  /** Actions agreed at the meeting, added to those it already has. */
  actions: NewAction[];
};

/** The names of a meeting's fields, as the refusal of a stale save names them. */
export const meetingFieldLabels: Record<string, string> = {
  type: "the type of meeting",
  heldAt: "the date and time",
  mode: "how it is held",
  location: "the place or link",
  chair: "the chair",
  attendees: "the attendees",
  informationShared: "the information shared",
  decisions: "the decisions",
  nextReviewDate: "the next review date",
  actions: "the actions agreed",
  cancelledReason: "the cancellation",
};

const attendeeLine = (a: AttendeeAnswers) => [a.name, a.agency, a.role, a.email, a.attended ? "attended" : "apologies"].join("|");

export async function scheduleMeeting(request: Request, userId: string, caseId: string, arrangements: Arrangements) {
  return db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({ data: { caseId, ...arrangements }, select: { id: true } });
    await recordAudit(
      request,
      {
        who: userId,
        what: "meeting.schedule",
        subject: { type: "meeting", id: meeting.id },
        caseId,
        details: { ...versionDetails(1, Object.keys(arrangements)), type: arrangements.type },
      },
      tx,
    );
    return meeting.id;
  });
}

/** A meeting's arrangements and record, as the section, the chronology, the minutes and a save read them. */
export const meetingSelect = {
  type: true,
  heldAt: true,
  mode: true,
  location: true,
  chair: true,
  recordedAt: true,
  cancelledAt: true,
  informationShared: true,
  decisions: true,
  nextReviewDate: true,
} satisfies Prisma.MeetingSelect;

/** An attendee, or one who sent apologies. */
export const attendeeSelect = { name: true, agency: true, role: true, email: true, attended: true } satisfies Prisma.MeetingAttendeeSelect;

const versioned = {
  id: true,
  version: true,
  ...meetingSelect,
  attendees: { orderBy: { name: "asc" }, select: attendeeSelect },
} satisfies Prisma.MeetingSelect;

type Before = Prisma.MeetingGetPayload<{ select: typeof versioned }>;

/**
 * The meeting as the page showed it, or why the change cannot be made: none
 * such on this case, or a later version (with what changed since).
 */
async function lockedMeeting(
  tx: Prisma.TransactionClient,
  caseId: string,
  meetingId: string,
  version: number,
): Promise<{ before: Before } | Exclude<Saved, { saved: true }>> {
  const before = await tx.meeting.findFirst({ where: { id: meetingId, caseId }, select: versioned });
  if (!before) return { saved: false, missing: true };
  if (before.version !== version) return staleSave(tx, { type: "meeting", id: meetingId }, before.version, version);
  return { before };
}

/** Writes the new version, or answers the version that beat it to it. */
async function bump(tx: Prisma.TransactionClient, meetingId: string, version: number, data: Prisma.MeetingUpdateManyMutationInput) {
  const { count } = await tx.meeting.updateMany({ where: { id: meetingId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 1) return null;
  const current = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { version: true } });
  return staleSave(tx, { type: "meeting", id: meetingId }, current.version, version);
}

/** Records a held meeting, or changes its record: attendees are replaced, actions agreed are added. */
export async function recordMeeting(
  request: Request,
  userId: string,
  caseId: string,
  meetingId: string,
  version: number,
  record: MeetingRecord,
): Promise<Saved> {
  return db.$transaction(async (tx) => {
    const locked = await lockedMeeting(tx, caseId, meetingId, version);
    if (!("before" in locked)) return locked;
    const { before } = locked;
    if (before.cancelledAt) return { saved: false, problem: "This meeting was cancelled: schedule a new one to record it" };
    const { attendees, actions, ...fields } = record;
    const refused = await bump(tx, meetingId, version, { ...fields, recordedAt: before.recordedAt ?? new Date() });
    if (refused) return refused;
    await tx.meetingAttendee.deleteMany({ where: { meetingId } });
    await tx.meetingAttendee.createMany({ data: attendees.map((a) => ({ ...a, meetingId })) });
    const changed = changedFields(
      { ...before, attendees: before.attendees.map(attendeeLine) },
      { ...fields, attendees: [...attendees].sort((a, b) => a.name.localeCompare(b.name)).map(attendeeLine) },
    );
    await recordAudit(
      request,
      {
        who: userId,
        what: "meeting.record",
        subject: { type: "meeting", id: meetingId },
        caseId,
        details: {
          ...versionDetails(version + 1, actions.length ? [...changed, "actions"] : changed),
          first: before.recordedAt === null,
          attended: attendees.filter((a) => a.attended).length,
          apologies: attendees.filter((a) => !a.attended).length,
          actionsAgreed: actions.length,
        },
      },
      tx,
    );
    await createActions(tx, request, { userId, caseId, meetingId }, actions);
    return { saved: true };
  });
}

/** Cancels a meeting not yet held, with the reason. */
export async function cancelMeeting(
  request: Request,
  userId: string,
  caseId: string,
  meetingId: string,
  version: number,
  reason: string,
): Promise<Saved> {
  return db.$transaction(async (tx) => {
    const locked = await lockedMeeting(tx, caseId, meetingId, version);
    if (!("before" in locked)) return locked;
    if (locked.before.cancelledAt) return { saved: false, problem: "This meeting is already cancelled" };
    if (locked.before.recordedAt) return { saved: false, problem: "This meeting has been held and recorded, so it cannot be cancelled" };
    const refused = await bump(tx, meetingId, version, { cancelledAt: new Date(), cancelledReason: reason });
    if (refused) return refused;
    await recordAudit(
      request,
      {
        who: userId,
        what: "meeting.cancel",
        subject: { type: "meeting", id: meetingId },
        caseId,
        details: versionDetails(version + 1, ["cancelledReason"]),
      },
      tx,
    );
    return { saved: true };
  });
}

/** What the minutes are made from. */
function minutesFacts(caseId: string, meetingId: string) {
  return db.meeting.findFirst({
    where: { id: meetingId, caseId },
    select: {
      ...meetingSelect,
      case: { select: { reference: true } },
      attendees: { orderBy: [{ attended: "desc" }, { name: "asc" }], select: attendeeSelect },
      actions: {
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        select: { description: true, ownerName: true, ownerAgency: true, dueDate: true },
      },
    },
  });
}

/**
 * The email the minutes go with. Only what the service writes goes into it
 * (the kind of meeting, its date and the reference): Notify turns text into
 * formatting and links, and the minutes themselves are confidential.
 */
function minutesEmail(reference: string, type: MeetingType, heldAt: Date, council: string) {
  return {
    template: "meeting-minutes",
    subject: `Minutes of the ${meetingTypeLabels[type].toLowerCase()} on ${londonDate(heldAt)}: ${reference}`,
    body: [
      "Hello,",
      `The minutes of the ${meetingTypeLabels[type].toLowerCase()} held on ${londonDate(heldAt)} are attached below: to open them, you will be asked to enter this email address. The link works for 4 weeks.`,
      `The minutes are confidential. Keep them securely, share them only with those who need them to protect children, and quote the reference ${reference} if you contact us.`,
      `Local Authority Designated Officer, ${council}`,
    ].join("\n\n"),
  };
}

export type MinutesResult =
  { sent: true; documentId: string; emailed: number } | { sent: false; problem: string } | { sent: false; missing: true };

/**
 * Makes the minutes of a recorded meeting, keeps them on the case (the
 * meeting points at the latest) and emails them to each attendee with an
 * email address, with the audit event, in one transaction.
 */
export async function sendMinutes(
  request: Request,
  user: { id: string; name: string },
  caseId: string,
  meetingId: string,
  madeAt = new Date(),
): Promise<MinutesResult> {
  const meeting = await minutesFacts(caseId, meetingId);
  if (!meeting) return { sent: false, missing: true };
  if (meeting.cancelledAt) return { sent: false, problem: "This meeting was cancelled: it has no minutes" };
  if (!meeting.recordedAt) return { sent: false, problem: "Record the meeting before making its minutes" };
  const { COUNCIL_NAME, COUNCIL_ADDRESS, COUNCIL_LOGO_PATH } = env();
  const reference = meeting.case.reference;
  const bytes = await minutesPdf({
    ...meeting,
    council: { name: COUNCIL_NAME, address: COUNCIL_ADDRESS, logoPath: COUNCIL_LOGO_PATH },
    reference,
    madeAt,
    madeBy: user.name,
  });
  const addressed = [...new Set(meeting.attendees.map((a) => a.email).filter((e): e is string => Boolean(e)))];
  const email = minutesEmail(reference, meeting.type, meeting.heldAt, COUNCIL_NAME);
  const kept = await keepAndSendLetter({
    caseId,
    kind: "MEETING_MINUTES",
    filename: `minutes-${meeting.type.toLowerCase()}-${reference}-${londonDay(meeting.heldAt)}.pdf`,
    bytes,
    sentAt: madeAt,
    userId: user.id,
    emails: addressed.map((to) => ({ to, ...email })),
    record: async (tx, { documentId, sha256, messageIds }) => {
      await tx.meeting.update({ where: { id: meetingId }, data: { minutesId: documentId, minutesSentAt: madeAt } });
      await recordAudit(
        request,
        {
          who: user.id,
          what: "meeting.minutes",
          subject: { type: "document", id: documentId },
          caseId,
          details: { meetingId, sha256, emailed: messageIds.length },
        },
        tx,
      );
    },
  });
  return { sent: true, documentId: kept.documentId, emailed: addressed.length };
}

/**
 * The next meeting due on each of these cases (absent: none due), by the
 * rules of app/allegations/meeting-due.ts with the configured numbers. For
 * the meetings section and "My work".
 */
export async function meetingsDue(caseIds: string[], now = new Date()): Promise<Map<string, MeetingDue>> {
  const [settings, holidays, cases] = await Promise.all([
    getSettings(),
    getBankHolidays(),
    db.case.findMany({
      where: { id: { in: caseIds } },
      select: {
        id: true,
        receivedAt: true,
        meetings: { select: { type: true, heldAt: true, recordedAt: true, cancelledAt: true, nextReviewDate: true } },
        police: { select: { status: true } },
        section47: { select: { held: true, result: true } },
        employerInvestigation: { select: { status: true } },
        outcome: { select: { id: true } },
        closures: { orderBy: { proposedAt: "desc" }, take: 1, select: { signedOffAt: true, reopenedAt: true } },
      },
    }),
  ]);
  const due = new Map<string, MeetingDue>();
  for (const c of cases) {
    const latest = c.closures[0];
    const next = nextMeetingDue(
      { ...c, hasOutcome: c.outcome !== null, closed: Boolean(latest?.signedOffAt && !latest.reopenedAt) },
      now,
      settings,
      holidays,
    );
    if (next) due.set(c.id, next);
  }
  return due;
}
