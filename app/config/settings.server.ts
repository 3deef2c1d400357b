// The service's rules with numbers (../shared/docs/domain.md), kept in the
// Setting table with these defaults: a missing row means the default.
import { z } from "zod";
import { db, type Db } from "~/db.server";
import { outcomeLabels } from "~/allegations/labels";
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
  /** The employer's rule (KCSIE) in outcome letters: keep the summary until this age... */
  normalPensionAge: z.number().int().min(50).max(80).default(67),
  /** ...or for this many years from the allegation, whichever is longer. */
  employerRecordYears: days(10),
});

export type Settings = z.infer<typeof settingsSchema>;

/** A number setting as the admins' page (app/routes/settings.rules.tsx) asks it: its label, what it governs, and its unit. */
type NumberWords = { label: string; hint: string; unit: string };
/** A group of numbers (retentionYears): one field for each of its keys. */
type GroupWords<T> = { legend: string; hint: string; unit: string; fields: Record<keyof T, string> };

/**
 * Every setting in words, typed over Settings so that a setting cannot be
 * added without them. The page adds each one's default (from settingsSchema).
 */
export const settingWords: { [K in keyof Settings]: Settings[K] extends number ? NumberWords : GroupWords<Settings[K]> } = {
  initialConsiderationWorkingDays: {
    label: "Initial consideration of a contact",
    hint: "A contact's initial consideration is due this many working days after it is received.",
    unit: "working days",
  },
  evaluationMeetingWorkingDays: {
    label: "Evaluation meeting",
    hint: "An allegation's evaluation meeting is due this many working days after the referral.",
    unit: "working days",
  },
  reviewMeetingWeeks: {
    label: "Review meetings",
    hint: "While enquiries are open, a review meeting is due at least this many weeks after the last meeting.",
    unit: "weeks",
  },
  policeReviewWeeks: {
    label: "Review of police progress",
    hint: "The police's progress is reviewed no later than this many weeks after their investigation starts.",
    unit: "weeks",
  },
  policeUpdateStaleDays: {
    label: "Days without a police update",
    hint: "The police-delay flag goes up when the police have given no update for this many days.",
    unit: "days",
  },
  policeOpenMonths: {
    label: "Months a police investigation is open",
    hint: "The police-delay flag goes up when a police investigation has been open for more than this many months.",
    unit: "months",
  },
  suspensionConfirmationWorkingDays: {
    label: "Written confirmation of a suspension",
    hint: "The employer's written confirmation of a suspension is due this many working days after the suspension.",
    unit: "working days",
  },
  concludedWithinOneMonthTarget: {
    label: "Target for allegations concluded within one month",
    hint: "The share of allegations the service aims to conclude within one month of the referral.",
    unit: "%",
  },
  concludedWithinThreeMonthsTarget: {
    label: "Target for allegations concluded within three months",
    hint: "The share of allegations the service aims to conclude within three months of the referral.",
    unit: "%",
  },
  delayReasonAfterMonths: {
    label: "Months before reasons for delay",
    hint: "Once an allegation has been open this many months, a reason for the delay is recorded each month.",
    unit: "months",
  },
  retentionYears: {
    legend: "Years to keep the LADO record after closure",
    hint: "A closed case's records are reviewed for deletion this many years after closure, by the allegation's outcome.",
    unit: "years",
    fields: { ...outcomeLabels, NO_ALLEGATION: "No allegation outcome" },
  },
  normalPensionAge: {
    label: "Normal pension age",
    hint: "Outcome letters tell the employer to keep the allegation's summary until the person reaches this age, or for the years below if longer.",
    unit: "years old",
  },
  employerRecordYears: {
    label: "Years the employer keeps the summary",
    hint: "Outcome letters tell the employer to keep the allegation's summary for this many years from the allegation, or until the normal pension age if later.",
    unit: "years",
  },
};

/** Every setting: stored values over the defaults. A malformed stored value falls back to its default. */
export async function getSettings(client: Pick<Db, "setting"> = db): Promise<Settings> {
  const rows = await client.setting.findMany();
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
