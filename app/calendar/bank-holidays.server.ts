// Bank holidays of England and Wales, kept in the BankHoliday table, from
// which working days are counted (getBankHolidays in
// app/config/settings.server.ts). The maintained source is the date-holidays
// package (region GB-ENG, which has the one-off days too: VE day 2020, the
// 2022 Platinum Jubilee and state funeral, the 2023 coronation). It fills
// each year from 2014 once; from then on that year is the admins': they add a
// newly announced day, correct a title or a date, or remove one, each change
// audited in its own transaction, and loading never adds to, changes or
// re-adds anything in a year already filled. docs/decisions/012-bank-holidays.md
import Holidays from "date-holidays";
import { z } from "zod";
import { recordAudit } from "~/audit-trail/audit-trail.server";
import { db, type Db, type Prisma } from "~/db.server";
import { dayWithWeekday } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";

/** The years filled from the package: back to 2014 so imported contacts are timed right. */
export const BANK_HOLIDAY_YEARS = { from: 2014, to: 2030 } as const;

/** Weekday bank holidays (yyyy-mm-dd) for the years, from the package. */
export function englandAndWalesBankHolidays(from: number, to: number) {
  const calendar = new Holidays("GB", "ENG");
  const days: { date: string; title: string }[] = [];
  for (let year = from; year <= to; year++) {
    for (const h of calendar.getHolidays(year)) {
      if (h.type !== "public" && h.type !== "bank") continue;
      const date = h.date.slice(0, 10);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) days.push({ date, title: h.name });
    }
  }
  return days;
}

/** A bank holiday: its day (yyyy-mm-dd) and its name. */
export type BankHoliday = { date: string; title: string };

/** A day as the @db.Date column holds it: midnight UTC. */
const stored = (day: string) => new Date(`${day}T00:00:00Z`);
const fromRow = (row: { date: Date; title: string }): BankHoliday => ({ date: row.date.toISOString().slice(0, 10), title: row.title });

type Tx = Prisma.TransactionClient;

async function yearsInTable(tx: Pick<Db, "bankHoliday">) {
  const rows = await tx.bankHoliday.findMany({ select: { date: true } });
  return [...new Set(rows.map((r) => r.date.getUTCFullYear()))].sort((a, b) => a - b);
}

/**
 * The record of the years the package has filled: a Setting row, though not
 * a setting (getSettings reads only the keys it knows). A year is filled
 * once, so a day an admin removed stays removed.
 */
const FILLED_YEARS = "bankHolidayYearsFilled";
const filledYears = z.array(z.number().int());

/**
 * Fills each year of BANK_HOLIDAY_YEARS not filled before from the package,
 * leaving alone any day an admin has added in it, and records the years.
 * Returns how many days it added. A database from before the record was kept
 * counts as filled every year it has a day in (the package's, untouched:
 * there was no way to change them).
 */
export async function loadBankHolidays(database: Pick<Db, "$transaction">) {
  return database.$transaction(async (tx) => {
    const record = filledYears.safeParse((await tx.setting.findUnique({ where: { key: FILLED_YEARS } }))?.value);
    const filled = record.success ? record.data : await yearsInTable(tx);
    const years: number[] = [];
    for (let year = BANK_HOLIDAY_YEARS.from; year <= BANK_HOLIDAY_YEARS.to; year++) if (!filled.includes(year)) years.push(year);
    const days = years.flatMap((year) => englandAndWalesBankHolidays(year, year));
    const { count } = await tx.bankHoliday.createMany({ data: days.map((d) => ({ ...d, date: stored(d.date) })), skipDuplicates: true });
    const value = [...filled, ...years].sort((a, b) => a - b);
    await tx.setting.upsert({ where: { key: FILLED_YEARS }, create: { key: FILLED_YEARS, value }, update: { value } });
    return count;
  });
}

// ---------------------------------------------------------------------------
// Kept by admins (app/routes/settings.bank-holidays.*)

/** True for a real calendar day written yyyy-mm-dd ("2026-02-30" is not one). */
export function isCalendarDay(value: string) {
  const midnight = stored(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(value);
}

/** The problem with a bank holiday's date (yyyy-mm-dd from a GOV.UK date input), if there is one. */
function dateProblem(value: string) {
  if (value === "") return "Enter the date of the bank holiday";
  // The form helper pads a part left empty with zeros (app/utils/forms.server.ts).
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (parts) {
    const [, year, month, day] = parts.map(Number) as [number, number, number, number];
    const missing = [day === 0 && "day", month === 0 && "month", year === 0 && "year"].filter(Boolean);
    if (missing.length > 0) return `Date must include a ${missing.join(" and ")}`;
    if (year < 1000) return "Year must include 4 numbers";
  }
  if (!isCalendarDay(value)) return "Date must be a real date, like 27 12 2027";
  if (value < "2000-01-01" || value > "2099-12-31") return "Date must be in the years 2000 to 2099";
  // Weekends are not working days already: a bank holiday that falls on one is given on a substitute weekday.
  const weekday = stored(value).getUTCDay();
  if (weekday === 0 || weekday === 6) return "Date must be a weekday: for a bank holiday at a weekend, enter its substitute day";
  return undefined;
}

/** The form that adds or changes a bank holiday. */
export const bankHolidayForm = z.object({
  date: z
    .string("Enter the date of the bank holiday")
    .trim()
    .superRefine((value, ctx) => {
      const problem = dateProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  title: z
    .string("Enter the name of the bank holiday")
    .trim()
    .min(1, "Enter the name of the bank holiday")
    .max(100, "Name must be 100 characters or fewer"),
});

/** The date's error when another bank holiday is on that day. */
export const dateTaken = (day: string) => `There is already a bank holiday on ${dayWithWeekday(day)}: change that one instead`;

/** One year's bank holidays by date, and every year the table has any in (for moving between years). */
export async function bankHolidaysOfYear(year: number) {
  const [rows, years] = await Promise.all([
    db.bankHoliday.findMany({ where: { date: { gte: stored(`${year}-01-01`), lte: stored(`${year}-12-31`) } }, orderBy: { date: "asc" } }),
    yearsInTable(db),
  ]);
  return { holidays: rows.map(fromRow), years };
}

/** The bank holiday on the day a URL names (yyyy-mm-dd); 404 for a malformed or unknown day. */
export async function requireBankHoliday(param: string | undefined): Promise<BankHoliday> {
  const row = param && isCalendarDay(param) ? await db.bankHoliday.findUnique({ where: { date: stored(param) } }) : null;
  if (!row) throw notFound();
  return fromRow(row);
}

/** What an admin did to the bank holiday on `day`, recorded in the change's transaction. */
function audit(
  request: Request,
  adminId: string,
  tx: Tx,
  what: `bank-holiday.${"add" | "change" | "remove"}`,
  day: string,
  details: Prisma.InputJsonObject,
) {
  return recordAudit(request, { who: adminId, what, subject: { type: "bank-holiday", id: day }, details }, tx);
}

/**
 * Adds a bank holiday and records it, in one transaction. False when the day
 * already has one: the insert skips a taken day (even one taken a moment ago
 * by another admin) rather than failing.
 */
export function addBankHoliday(request: Request, adminId: string, day: BankHoliday): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.bankHoliday.createMany({ data: [{ ...day, date: stored(day.date) }], skipDuplicates: true });
    if (count === 0) return false;
    await audit(request, adminId, tx, "bank-holiday.add", day.date, { title: day.title });
    return true;
  });
}

/**
 * Gives a bank holiday a new date or name and records what it was and is
 * (the subject is the day it is on now), in one transaction. False when
 * another bank holiday is on the new day. Throws 404, changing nothing, if it
 * was removed meanwhile.
 */
export function changeBankHoliday(request: Request, adminId: string, from: BankHoliday, to: BankHoliday): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const moved = to.date !== from.date;
    if (moved) {
      const { count } = await tx.bankHoliday.createMany({ data: [{ ...to, date: stored(to.date) }], skipDuplicates: true });
      if (count === 0) return false;
    }
    const where = { date: stored(from.date) };
    const { count } = moved
      ? await tx.bankHoliday.deleteMany({ where })
      : await tx.bankHoliday.updateMany({ where, data: { title: to.title } });
    if (count === 0) throw notFound();
    await audit(request, adminId, tx, "bank-holiday.change", to.date, { from, to });
    return true;
  });
}

/** Removes a bank holiday and records it, in one transaction. Throws 404 if it was removed meanwhile. */
export function removeBankHoliday(request: Request, adminId: string, day: BankHoliday): Promise<void> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.bankHoliday.deleteMany({ where: { date: stored(day.date) } });
    if (count === 0) throw notFound();
    await audit(request, adminId, tx, "bank-holiday.remove", day.date, { title: day.title });
  });
}
