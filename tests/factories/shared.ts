// What every factory uses: faker with the en_GB locale, the random choices
// built on it, and dates in London time through the app's own helpers, so a
// factory's "working day" is the one the app counts.
//
// Deterministic after faker.seed(n) (or `seeded`): dates default relative to
// faker.defaultRefDate(), which is now unless a seed fixes it.
import { fakerEN_GB as faker } from "@faker-js/faker";
import { BANK_HOLIDAY_YEARS, englandAndWalesBankHolidays } from "~/calendar/bank-holidays.server";
import { addWorkingDays, isWorkingDay as isWorkingDayOn, type Holidays } from "~/calendar/working-days";
import { londonDay, londonMinutes, londonMoment } from "~/utils/dates";

export { faker };

/**
 * Runs `make` with faker seeded and "now" fixed at `today`, so the same seed
 * on the same day makes the same records; "now" is the real clock again after.
 */
export async function seeded<T>(seed: number, today: Date, make: () => Promise<T>): Promise<T> {
  faker.seed(seed);
  faker.setDefaultRefDate(today);
  try {
    return await make();
  } finally {
    faker.setDefaultRefDate();
  }
}

/** The fields of one of a case's records that a caller may give; the factory fills the rest. */
export type RecordFields<T> = Partial<Omit<T, "id" | "caseId">>;

// ---------------------------------------------------------------------------
// Chance
// ---------------------------------------------------------------------------

export const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);
export const chance = (probability: number) => faker.datatype.boolean({ probability });
export const between = (min: number, max: number) => faker.number.int({ min, max });

/** How often each value comes up, relative to the others: [[value, weight], ...]. */
export type Weights<T> = readonly (readonly [T, number])[];

/** One value, chosen by weight. */
export const weighted = <T>(options: Weights<T>): T =>
  faker.helpers.weightedArrayElement(options.map(([value, weight]) => ({ value, weight })));

/**
 * `n` values in exactly the proportions of their weights (largest remainders
 * take the odd ones), shuffled: for a mix that must come out the same every
 * time, such as the share of each threshold decision in a year.
 */
export function inProportion<T>(options: Weights<T>, n: number): T[] {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  const shares = options.map(([value, weight]) => ({ value, exact: (weight * n) / total, count: Math.floor((weight * n) / total) }));
  const short = n - shares.reduce((sum, s) => sum + s.count, 0);
  [...shares]
    .sort((a, b) => (b.exact % 1) - (a.exact % 1))
    .slice(0, short)
    .forEach((s) => s.count++);
  return faker.helpers.shuffle(shares.flatMap((s) => Array<T>(s.count).fill(s.value)));
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "a, b and c" */
export const joinAnd = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
/** "St Aldric's Primary School" → "st-aldrics-primary-school", for made-up email addresses. */
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// ---------------------------------------------------------------------------
// Dates: London time, working days without England and Wales bank holidays
// ---------------------------------------------------------------------------

export const DAY_MS = 86_400_000;
export const now = () => faker.defaultRefDate();
export const toDate = (d: Date | string | null | undefined) => (d == null ? undefined : new Date(d));

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
/** A calendar date for a @db.Date column: the London day of `d`, at midnight UTC. */
export const dateOnly = (d: Date) => new Date(`${londonDay(d)}T00:00:00Z`);
/** The first day of d's London month, for a @db.Date column. */
export const monthStart = (d: Date) => new Date(`${londonDay(d).slice(0, 7)}-01T00:00:00Z`);
/** The earlier of a moment and now: nothing is recorded in the future. */
export const notAfterNow = (d: Date) => (d > now() ? now() : d);

let bankHolidays: Holidays | undefined;
/** England and Wales's bank holidays, as the app loads them into its BankHoliday table (worked out on first use). */
const englandAndWales = (): Holidays =>
  (bankHolidays ??= new Set(englandAndWalesBankHolidays(BANK_HOLIDAY_YEARS.from, BANK_HOLIDAY_YEARS.to).map((d) => d.date)));

export const isWorkingDay = (d: Date, holidays: Holidays = englandAndWales()) => isWorkingDayOn(londonDay(d), holidays);

/** When something received at `from` is due `workingDays` working days later, by the app's own rule (app/calendar/working-days.ts). */
export const dueAfterWorkingDays = (from: Date, workingDays: number) => addWorkingDays(from, workingDays, englandAndWales());

/**
 * A moment in office hours (9am to 5:30pm London) `workingDays` working days
 * after `from`; with 0, later the same working day when there is time left.
 * Weekends and bank holidays are skipped.
 */
export function officeTime(from: Date, workingDays = 0, holidays: Holidays = englandAndWales()) {
  const OPEN = 9 * 60;
  const CLOSE = 17 * 60 + 30;
  let day = from;
  let earliest = OPEN;
  if (workingDays === 0 && isWorkingDay(from, holidays) && londonMinutes(from) < CLOSE - 30) {
    earliest = Math.max(OPEN, londonMinutes(from) + 10);
  } else {
    let left = Math.max(1, workingDays);
    while (left > 0) {
      day = addDays(day, 1);
      if (isWorkingDay(day, holidays)) left--;
    }
  }
  return londonMoment(londonDay(day), between(earliest, CLOSE));
}
