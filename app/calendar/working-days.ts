// Working days: Monday to Friday, less the bank holidays of England and
// Wales, in Europe/London. Pure: the holidays are passed in (yyyy-mm-dd).
import { addDaysToDay, londonDay, londonMinutes, londonMoment } from "~/utils/dates";

export type Holidays = ReadonlySet<string>;

export function isWorkingDay(day: string, holidays: Holidays) {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

function nextWorkingDay(day: string, holidays: Holidays) {
  let next = addDaysToDay(day, 1);
  while (!isWorkingDay(next, holidays)) next = addDaysToDay(next, 1);
  return next;
}

/**
 * When something received at `from` is due, `n` working days later. The clock
 * keeps the time of day: Friday 4pm plus one working day is Monday 4pm. Work
 * received on a weekend or bank holiday starts at the beginning of the next
 * working day, so Saturday plus one is the end of Monday (midnight).
 */
export function addWorkingDays(from: Date, n: number, holidays: Holidays): Date {
  let day = londonDay(from);
  let minutes = londonMinutes(from);
  if (!isWorkingDay(day, holidays)) {
    day = nextWorkingDay(day, holidays);
    minutes = 0;
  }
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, holidays);
  return londonMoment(day, minutes);
}
