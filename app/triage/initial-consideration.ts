// Initial consideration of a contact: due within the configured number of
// working days of receipt (../shared/docs/domain.md, "The life of a
// contact"), and the time left put in words a person would say. Pure: `now`,
// the target and the bank holidays are passed in.
//
// The due time (app/calendar/working-days.ts has the rule): a contact
// received during a working day is due at the same time on the nth working
// day after ("by 3pm Tuesday 29 December" for 3pm on Christmas Eve 2026); one
// received on a weekend or bank holiday, or at midnight as a working day
// begins, counts from the next working day and is due at the end of the nth
// working day, counting that day as the first ("by the end of Friday 27
// December" for Christmas Day 2024, with 1 working day). So the day named is
// always a working day: a due time of exactly midnight is only ever the end
// of one. (The target is at least 1 working day: app/config/settings.server.ts.)
//
// Wording, decided once and used everywhere:
// - Time is real elapsed time. Under a day it reads in hours and minutes
//   ("3 hours 20 minutes left", "Overdue by 2 hours").
// - From a day on, overdue reads in whole calendar days on the London clock,
//   weekends included ("Overdue by 3 days" from Friday noon to Monday noon,
//   even across the clock change, when only 71 or 73 hours have passed).
// - More than a day ahead, the due time reads as a time and day instead of a
//   countdown ("Due by 4:30pm Monday 30 November"). A due time of exactly
//   midnight reads as "by the end of" the day before (never "12am" of the
//   next day, which may be a Saturday); midday reads "midday".
import { addWorkingDays, type Holidays } from "~/calendar/working-days";
import type { ImmediateAction } from "~/generated/prisma/enums";
import { addDaysToDay, dayWithWeekday, londonDay, londonMinutes } from "~/utils/dates";

export type InitialConsideration = {
  /** When the initial consideration is due. */
  dueAt: Date;
  /** Past the due time (at exactly the due time it is not yet overdue). */
  overdue: boolean;
  /** Whole minutes from now to dueAt, rounded towards zero: negative when overdue by a minute or more. */
  minutesLeft: number;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Under this many minutes left, the time left reads as a countdown rather than a due time. */
export const COUNTDOWN_MINUTES = 24 * 60;

/** When the initial consideration of a contact received at `receivedAt` is due, and where `now` stands against it. */
export function initialConsideration(receivedAt: Date, now: Date, workingDays: number, holidays: Holidays): InitialConsideration {
  const dueAt = addWorkingDays(receivedAt, workingDays, holidays);
  const ms = dueAt.getTime() - now.getTime();
  return { dueAt, overdue: ms < 0, minutesLeft: Math.trunc(ms / MINUTE_MS) || 0 };
}

/**
 * The instant that splits the queue at `now`: a contact received before it
 * is overdue, one received at or after it is not. The due time never goes
 * back as receipt gets later, so the overdue contacts are exactly those
 * received before one instant, found here by bisection to the millisecond.
 * Lets a database count the overdue contacts without loading them all.
 */
export function overdueCutoff(now: Date, workingDays: number, holidays: Holidays): Date {
  const isOverdue = (t: number) => addWorkingDays(new Date(t), workingDays, holidays).getTime() < now.getTime();
  // Not overdue: received a day after now. Overdue: received long enough
  // before now for the working days to have run out (widened if not).
  let hi = now.getTime() + DAY_MS;
  let span = (2 * workingDays + 30) * DAY_MS;
  let lo = now.getTime() - span;
  for (let i = 0; !isOverdue(lo) && i < 20; i++) {
    hi = lo;
    span *= 2;
    lo = now.getTime() - span;
  }
  if (!isOverdue(lo)) return new Date(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (isOverdue(mid)) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "less than a minute", "45 minutes", "1 hour", "3 hours 20 minutes". */
function hoursAndMinutes(minutes: number) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return m === 0 ? "less than a minute" : plural(m, "minute");
  return m === 0 ? plural(h, "hour") : `${plural(h, "hour")} ${plural(m, "minute")}`;
}

/** Whole calendar days on the London clock from `from` to `to`: Friday noon to Monday noon is 3. */
function londonDaysBetween(from: Date, to: Date) {
  const days = Math.round((Date.parse(`${londonDay(to)}T00:00:00Z`) - Date.parse(`${londonDay(from)}T00:00:00Z`)) / DAY_MS);
  return londonMinutes(to) < londonMinutes(from) ? days - 1 : days;
}

/** How far past the due time: "5 minutes", "2 hours", "1 hour 20 minutes", "3 days". Empty when not overdue. */
export function overdueBy({ dueAt, overdue, minutesLeft }: InitialConsideration, now: Date): string {
  if (!overdue) return "";
  const minutes = -minutesLeft;
  if (minutes < COUNTDOWN_MINUTES) return hoursAndMinutes(minutes);
  return plural(Math.max(1, londonDaysBetween(dueAt, now)), "day");
}

/** "Monday 30 November", with the year when it is not the year of `now` in London. */
function dayInWords(day: string, now: Date) {
  return dayWithWeekday(day, { year: day.slice(0, 4) !== londonDay(now).slice(0, 4) });
}

/** "4:30pm", "9am", "midday", "12:15am": GOV.UK style. */
function clockInWords(minutes: number) {
  if (minutes === 12 * 60) return "midday";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hour = h % 12 || 12;
  return `${hour}${m ? `:${String(m).padStart(2, "0")}` : ""}${h < 12 ? "am" : "pm"}`;
}

/**
 * The due time as a person would say it, in London time: "by 4:30pm Monday
 * 30 November", "by midday Friday 27 November", and for exactly midnight "by
 * the end of Monday 30 November" (not "12am Tuesday").
 */
export function dueByLabel(dueAt: Date, now: Date): string {
  const day = londonDay(dueAt);
  const minutes = londonMinutes(dueAt);
  if (minutes === 0) return `by the end of ${dayInWords(addDaysToDay(day, -1), now)}`;
  return `by ${clockInWords(minutes)} ${dayInWords(day, now)}`;
}

/**
 * The time left in words: "Overdue by 2 hours", "Overdue by 3 days",
 * "3 hours 20 minutes left", "Less than a minute left", or more than a day
 * ahead "Due by 4:30pm Monday 30 November".
 */
export function timeLeftLabel(due: InitialConsideration, now: Date): string {
  if (due.overdue) return `Overdue by ${overdueBy(due, now)}`;
  if (due.minutesLeft < COUNTDOWN_MINUTES) {
    const left = hoursAndMinutes(due.minutesLeft);
    return `${left.charAt(0).toUpperCase()}${left.slice(1)} left`;
  }
  return `Due ${dueByLabel(due.dueAt, now)}`;
}

/**
 * Met or missed, in words, for a consideration recorded at `consideredAt`
 * against the due time kept with it: "Considered 2 hours before it was due",
 * "Considered 1 day late". Exactly at the due time is met (as the queue
 * counts it). Under a day the gap reads in hours and minutes, from a day on
 * in whole calendar days on the London clock, as the queue's wording does.
 */
export function consideredAgainstDue(consideredAt: Date, dueAt: Date): { met: boolean; label: string } {
  const met = consideredAt.getTime() <= dueAt.getTime();
  const [from, to] = met ? [consideredAt, dueAt] : [dueAt, consideredAt];
  const minutes = Math.trunc((to.getTime() - from.getTime()) / MINUTE_MS);
  const gap = minutes < COUNTDOWN_MINUTES ? hoursAndMinutes(minutes) : plural(Math.max(1, londonDaysBetween(from, to)), "day");
  return { met, label: met ? `Considered ${gap} before it was due` : `Considered ${gap} late` };
}

/**
 * What is wrong with the immediate actions recorded, if anything: "none" is
 * an answer on its own (the form's exclusive "or" option; without
 * JavaScript both can still be sent), and "other" needs saying what it was.
 */
export function immediateActionsProblem(
  actions: readonly ImmediateAction[],
  detail: string | undefined,
): { field: "immediateActions" | "immediateActionDetail"; message: string } | undefined {
  if (actions.includes("NONE") && actions.length > 1) {
    return { field: "immediateActions", message: "Select the immediate actions taken, or select no immediate action, not both" };
  }
  if (actions.includes("OTHER") && !detail) return { field: "immediateActionDetail", message: "Enter the other immediate action taken" };
  return undefined;
}
