// Working days: Monday to Friday, less the bank holidays of England and
// Wales, in Europe/London. Pure: the holidays are passed in (yyyy-mm-dd).
//
// A deadline of n working days, as a LADO reads one:
// - Received during a working day: the same time of day on the nth working
//   day after (Friday 4pm plus one is Monday 4pm).
// - Received on a weekend or bank holiday, or at midnight as a working day
//   begins: the clock starts with the next working day (that day itself at
//   midnight), which is the first of the n, so it is due at the end of the
//   nth working day. Saturday plus one is the end of Monday; Christmas Day
//   2024 (a Wednesday, with Boxing Day on Thursday) plus one is the end of
//   Friday 27 December, not the start of Monday 30 December.
// Either way a deadline falls within or at the end of a working day, so the
// day it is named by is never a weekend or a bank holiday. (With n = 0 the
// deadline is the moment of receipt, or the start of the next working day.)
import { addDaysToDay, londonDay, londonMinutes, londonMoment } from "~/utils/dates";

export type Holidays = ReadonlySet<string>;

export function isWorkingDay(day: string, holidays: Holidays) {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The nth working day after `day` (yyyy-mm-dd); `day` itself for n = 0. */
export function workingDaysAfter(day: string, n: number, holidays: Holidays) {
  let next = day;
  for (let i = 0; i < n; i++) {
    next = addDaysToDay(next, 1);
    while (!isWorkingDay(next, holidays)) next = addDaysToDay(next, 1);
  }
  return next;
}

/** When something received at `from` is due, `n` working days later, by the rule above. */
export function addWorkingDays(from: Date, n: number, holidays: Holidays): Date {
  const day = londonDay(from);
  const minutes = londonMinutes(from);
  if (minutes > 0 && isWorkingDay(day, holidays)) return londonMoment(workingDaysAfter(day, n, holidays), minutes);
  const first = isWorkingDay(day, holidays) ? day : workingDaysAfter(day, 1, holidays);
  if (n === 0) return londonMoment(first);
  // The end of the nth working day counting `first` as one: midnight as the next calendar day begins.
  return londonMoment(addDaysToDay(workingDaysAfter(first, n - 1, holidays), 1));
}
