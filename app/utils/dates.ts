// Dates and times as people in England read them: Europe/London, whatever
// the server's own time zone.
export const TIME_ZONE = "Europe/London";

const formats = {
  date: new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" }),
  shortDate: new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "numeric", month: "short", year: "numeric" }),
  time: new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "numeric", minute: "2-digit", hourCycle: "h12" }),
  isoParts: new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }),
  // A @db.Date is midnight UTC: read it in UTC so it shows the day stored.
  calendarDay: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }),
};

/** 23 November 2026 */
export const londonDate = (d: Date | string) => formats.date.format(new Date(d));
/** 23 Nov 2026 */
export const londonShortDate = (d: Date | string) => formats.shortDate.format(new Date(d));
/** 5:07pm */
export const londonTime = (d: Date | string) => formats.time.format(new Date(d)).replace(" ", "").toLowerCase();
/** 23 November 2026 at 5:07pm */
export const londonDateTime = (d: Date | string) => `${londonDate(d)} at ${londonTime(d)}`;
/** 2026-11-23: the calendar day in London. */
export const londonDay = (d: Date | string) => formats.isoParts.format(new Date(d));

/** A calendar date stored as @db.Date (midnight UTC) shown as that day. */
export const calendarDate = (d: Date | string) => formats.calendarDay.format(new Date(d));

/** 2026-11-23: the day a @db.Date (midnight UTC) stores, or null when there is none. */
export const storedDay = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : null);

const weekdayParts = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** "Friday 25 December 2026", or "Friday 25 December" without the year: a calendar day (yyyy-mm-dd) with its weekday, no comma (GOV.UK style). */
export function dayWithWeekday(day: string, { year = true } = {}) {
  const parts = Object.fromEntries(weekdayParts.formatToParts(new Date(`${day}T12:00:00Z`)).map((p) => [p.type, p.value]));
  const words = `${parts.weekday} ${parts.day} ${parts.month}`;
  return year ? `${words} ${parts.year}` : words;
}

/** The financial year (1 April to 31 March) a moment falls in, e.g. "2023-24". */
export function financialYear(d: Date | string) {
  const [year, month] = londonDay(d).split("-").map(Number) as [number, number];
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

const londonClock = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Minutes after London midnight that the wall clock shows at `d`. */
export function londonMinutes(d: Date) {
  const [h, m] = londonClock.format(d).split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** The instant London's wall clock shows `minutes` after midnight on `day` (yyyy-mm-dd). */
export function londonMoment(day: string, minutes = 0) {
  const guess = new Date(`${day}T00:00:00Z`).getTime() + minutes * 60_000;
  const offset = (londonMinutes(new Date(guess)) - minutes + 1440) % 1440; // 0 in GMT, 60 in BST
  return new Date(guess - offset * 60_000);
}

/** The London calendar day `n` days after `day` (yyyy-mm-dd). */
export function addDaysToDay(day: string, n: number) {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The calendar day (yyyy-mm-dd) `n` calendar months after `day`; a day the
 * later month does not have becomes its last (31 January + 1 month is 28 or
 * 29 February; 29 February + 12 months is 28 February in a year not leap).
 */
export function addMonthsToDay(day: string, n: number) {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + n, 1));
  const lastDate = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastDate));
  return first.toISOString().slice(0, 10);
}

const monthFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "long", year: "numeric" });

/** "March 2027": the month a calendar day (yyyy-mm-dd, or a @db.Date) falls in. */
export const calendarMonth = (d: Date | string) => monthFormat.format(typeof d === "string" ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d);
