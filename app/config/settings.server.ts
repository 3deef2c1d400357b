// The service's rules with numbers (../shared/docs/domain.md), kept in the
// Setting table with these defaults: a missing row means the default.
import { z } from "zod";
import { db } from "~/db.server";
import type { Holidays } from "~/calendar/working-days";

const days = (fallback: number) => z.number().int().min(0).max(3650).default(fallback);
// Working-day deadlines are at least 1: 0 would be due on receipt, or at
// midnight as the next working day begins, which no rule of the service asks
// for and which "by the end of" would name as the day before, a weekend or
// bank holiday (app/calendar/working-days.ts). A stored 0 means the default.
const workingDays = (fallback: number) => z.number().int().min(1).max(3650).default(fallback);
const percent = (fallback: number) => z.number().min(0).max(100).default(fallback);

export const settingsSchema = z.object({
  /** Initial consideration of a contact, in working days from receipt. */
  initialConsiderationWorkingDays: workingDays(1),
  /** Evaluation (ASV) meeting, in working days from the referral. */
  evaluationMeetingWorkingDays: workingDays(5),
  /** Review meetings while enquiries are open, at least every ... weeks. */
  reviewMeetingWeeks: days(4),
  /** Police progress reviewed no later than ... weeks from the start. */
  policeReviewWeeks: days(4),
  /** Police-delay flag: no police update for ... days. */
  policeUpdateStaleDays: days(28),
  /** Police-delay flag: investigation open for more than ... months. */
  policeOpenMonths: days(3),
  /** Written confirmation of a suspension, in working days. */
  suspensionConfirmationWorkingDays: workingDays(1),
  /** Timeliness targets for concluding allegations. */
  concludedWithinOneMonthTarget: percent(80),
  concludedWithinThreeMonthsTarget: percent(90),
  /** Past this many months, a reason for delay is recorded each month. */
  delayReasonAfterMonths: days(3),
  /** Retention of LADO records after closure, in years, per outcome. */
  retentionYears: z
    .object({
      SUBSTANTIATED: days(50),
      UNSUBSTANTIATED: days(25),
      UNFOUNDED: days(10),
      FALSE: days(10),
      MALICIOUS: days(10),
      NO_ALLEGATION: days(6),
    })
    .default({ SUBSTANTIATED: 50, UNSUBSTANTIATED: 25, UNFOUNDED: 10, FALSE: 10, MALICIOUS: 10, NO_ALLEGATION: 6 }),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Every setting: stored values over the defaults. A malformed stored value falls back to its default. */
export async function getSettings(): Promise<Settings> {
  const rows = await db.setting.findMany();
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    const field = settingsSchema.shape[row.key as keyof Settings];
    if (field?.safeParse(row.value).success) stored[row.key] = row.value;
  }
  return settingsSchema.parse(stored);
}

/** Bank holidays of England and Wales (yyyy-mm-dd) from the table. */
export async function getBankHolidays(): Promise<Holidays> {
  const rows = await db.bankHoliday.findMany({ select: { date: true } });
  return new Set(rows.map((r) => r.date.toISOString().slice(0, 10)));
}
