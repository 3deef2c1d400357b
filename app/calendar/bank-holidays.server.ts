// Bank holidays of England and Wales, kept in the BankHoliday table. The
// maintained source is the date-holidays package (region GB-ENG, which has
// the one-off days too: VE day 2020, the 2022 state funeral, the 2023
// coronation); an admin can add a newly announced day to the table.
import Holidays from "date-holidays";
import type { Db } from "~/db.server";

export const BANK_HOLIDAY_YEARS = { from: 2018, to: 2030 } as const;

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

/** Adds any missing days for the supported years; never removes one. */
export async function loadBankHolidays(db: Pick<Db, "bankHoliday">) {
  const days = englandAndWalesBankHolidays(BANK_HOLIDAY_YEARS.from, BANK_HOLIDAY_YEARS.to);
  const { count } = await db.bankHoliday.createMany({
    data: days.map((d) => ({ date: new Date(`${d.date}T00:00:00Z`), title: d.title })),
    skipDuplicates: true,
  });
  return count;
}
