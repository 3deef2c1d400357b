// When the next meeting of an allegation is due (../shared/docs/domain.md,
// "ASV process"). Pure: the case's facts, `now`, the settings and the bank
// holidays are passed in.
//
// - The evaluation (ASV) meeting is due `evaluationMeetingWorkingDays`
//   working days from the referral (the contact's receipt), by the rule of
//   app/calendar/working-days.ts: received during a working day, the same
//   day of the week later; received on a weekend or bank holiday, the end of
//   the nth working day counting the next working day as the first. A
//   meeting only counts once it is held (recorded, not cancelled): one
//   scheduled for later leaves the evaluation still due.
// - After the first held meeting, a review is due every `reviewMeetingWeeks`
//   weeks from the last held meeting while any enquiry is open: the police
//   (any status but not involved, no further action or concluded: charged
//   and court stages are still open), a section 47 enquiry held without a
//   result yet, the employer's investigation started and not concluded, or no outcome
//   yet. "At least every four weeks": a review date on a weekend or bank
//   holiday moves back to the working day before, never later. The last
//   held meeting's own "next review date" overrides when it is earlier.
// - A closed case has no meeting due.
// Overdue: the day it was due has passed in London.
import { addWorkingDays, isWorkingDay, type Holidays } from "~/calendar/working-days";
import { dayOf } from "./actions";
import type { EmployerInvestigationStatus, MeetingType, PoliceStatus } from "~/generated/prisma/enums";
import { addDaysToDay, londonDay, londonMinutes } from "~/utils/dates";

export type MeetingDueFacts = {
  /** When the contact was received: the referral the evaluation meeting is counted from. */
  receivedAt: Date;
  meetings: {
    type: MeetingType;
    heldAt: Date;
    recordedAt: Date | null;
    cancelledAt: Date | null;
    /** A @db.Date (midnight UTC), or yyyy-mm-dd. */
    nextReviewDate: Date | string | null;
  }[];
  police: { status: PoliceStatus } | null;
  section47: { held: boolean; result: string | null } | null;
  /** The employer's own investigation of the allegation (no status: none recorded for an allegation). */
  employerInvestigation: { status: EmployerInvestigationStatus | null } | null;
  hasOutcome: boolean;
  closed: boolean;
};

export type MeetingRules = { evaluationMeetingWorkingDays: number; reviewMeetingWeeks: number };

export type MeetingDue = {
  kind: "EVALUATION" | "REVIEW";
  /** The day it is due by (yyyy-mm-dd, London). */
  dueOn: string;
  overdue: boolean;
};

/** Police statuses after which there is nothing more for the police to do. */
const POLICE_FINISHED: readonly PoliceStatus[] = ["NOT_INVOLVED", "NFA", "CONCLUDED"];

/** Whether a police involvement with this status is still an open enquiry (considering, investigating, on bail, charged, at court...). */
export const policeEnquiryOpen = (status: PoliceStatus) => !POLICE_FINISHED.includes(status);

/** Whether any enquiry of the allegation is still open, which keeps review meetings due. */
export function enquiriesOpen(facts: Pick<MeetingDueFacts, "police" | "section47" | "employerInvestigation" | "hasOutcome">) {
  return (
    !facts.hasOutcome ||
    (facts.police !== null && policeEnquiryOpen(facts.police.status)) ||
    (facts.section47 !== null && facts.section47.held && !facts.section47.result?.trim()) ||
    (facts.employerInvestigation?.status != null && facts.employerInvestigation.status !== "CONCLUDED")
  );
}

/** The day (yyyy-mm-dd) the evaluation meeting is due for a contact received at `receivedAt`. */
export function evaluationDueOn(receivedAt: Date, workingDays: number, holidays: Holidays) {
  const due = addWorkingDays(receivedAt, workingDays, holidays);
  // Exactly midnight is the end of the day before (always a working day).
  return londonMinutes(due) === 0 ? addDaysToDay(londonDay(due), -1) : londonDay(due);
}

/** `day`, or the last working day before it. */
function workingDayOnOrBefore(day: string, holidays: Holidays) {
  let d = day;
  while (!isWorkingDay(d, holidays)) d = addDaysToDay(d, -1);
  return d;
}

/** The next meeting due on the case, or null when none is. */
export function nextMeetingDue(facts: MeetingDueFacts, now: Date, rules: MeetingRules, holidays: Holidays): MeetingDue | null {
  if (facts.closed) return null;
  const today = londonDay(now);
  const due = (kind: MeetingDue["kind"], dueOn: string): MeetingDue => ({ kind, dueOn, overdue: today > dueOn });
  const held = facts.meetings
    .filter((m) => m.recordedAt !== null && m.cancelledAt === null)
    .sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime());
  const last = held.at(-1);
  if (!last) return due("EVALUATION", evaluationDueOn(facts.receivedAt, rules.evaluationMeetingWorkingDays, holidays));
  if (!enquiriesOpen(facts)) return null;
  const every = workingDayOnOrBefore(addDaysToDay(londonDay(last.heldAt), rules.reviewMeetingWeeks * 7), holidays);
  const asked = last.nextReviewDate ? dayOf(last.nextReviewDate) : null;
  return due("REVIEW", asked && asked < every ? asked : every);
}
