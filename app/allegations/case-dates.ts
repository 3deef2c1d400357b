// Dates answered on a case's forms: a GOV.UK date input giving a calendar
// day (midnight UTC) that is real, not in the future, and not before the
// day (London) the contact was received, since nothing on the case can have
// happened before the LADO heard of it.
import { z } from "zod";
import { date } from "~/contacts/contact-fields";
import { calendarDate } from "~/utils/dates";

/** The problem with a day before the contact's day (both yyyy-mm-dd), if it is. */
export function beforeContactProblem(label: string, day: string, receivedDay: string) {
  return day < receivedDay
    ? `${label} must be on or after the day the contact was received (${calendarDate(`${receivedDay}T00:00:00Z`)})`
    : undefined;
}

/** A day on a case; with `required`, the message for no answer (else no answer is undefined). */
function dayOnCase(label: string, receivedDay: string, required?: string) {
  return date(label, { notFuture: true, required }).superRefine((day, ctx) => {
    const problem = day && beforeContactProblem(label, day.toISOString().slice(0, 10), receivedDay);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** An optional day on a case. */
export const caseDay = (label: string, receivedDay: string) => dayOnCase(label, receivedDay);

/** A required day on a case. No answer has already failed the field: the pipe only says so to the types. */
export const requiredCaseDay = (label: string, receivedDay: string, required: string) =>
  dayOnCase(label, receivedDay, required).pipe(z.date(required));
