// A cause for concern: the employer investigates and reports back to the
// LADO by an agreed date. Pure: `now` is passed in.
import { calendarDate, londonDay } from "~/utils/dates";

/**
 * Where the employer's report stands: "Due by 12 December 2026" up to and
 * including that day in London, overdue from the next day until its result
 * is received; once received, nothing is due.
 */
export function reportBackStatus(
  reportBackBy: Date | string | null,
  resultReceived: boolean,
  now: Date,
): { label: string; overdue: boolean } | null {
  if (!reportBackBy || resultReceived) return null;
  // A @db.Date: midnight UTC names the day.
  const day = new Date(reportBackBy).toISOString().slice(0, 10);
  return { label: `Due by ${calendarDate(reportBackBy)}`, overdue: londonDay(now) > day };
}
