// Past three months, a reason for delay each month (National LADO Network
// standard, ../shared/docs/domain.md): an allegation still open more than
// `afterMonths` calendar months after the contact was received needs a
// reason for delay recorded for each London calendar month from the one in
// which it passed that point, while it stays open. A closed case needs none;
// once reopened, a month in which it was closed throughout needs none. Months are
// named by their first day (yyyy-mm-01), as DelayReason.month stores them.
import { addDaysToDay, addMonthsToDay, londonDay } from "~/utils/dates";

/** The month (yyyy-mm-01) a day (yyyy-mm-dd) falls in. */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

const nextMonth = (month: string) => addMonthsToDay(month, 1);

/** The first London day on which a contact received at `receivedAt` has been open more than `afterMonths` months. */
export function firstDayPast(receivedAt: Date, afterMonths: number) {
  return addDaysToDay(addMonthsToDay(londonDay(receivedAt), afterMonths), 1);
}

/** A signed-off closure: the case was closed from `closedAt` until `reopenedAt` (null: still closed). */
export type ClosedSpan = { closedAt: Date; reopenedAt: Date | null };

export type DelayFacts = {
  receivedAt: Date;
  closures: ClosedSpan[];
  /** The months (yyyy-mm-01) with a reason recorded. */
  recorded: string[];
  afterMonths: number;
  now: Date;
};

/**
 * Whether the case was open on some London day from `from` to `to`
 * (yyyy-mm-dd, inclusive): open on a day means open at any time of it, so
 * the days it was closed and reopened count as open.
 */
function openSomeDay(from: string, to: string, closures: ClosedSpan[]) {
  // The closed stretches in whole days, sorted: from the day after closure to the day before reopening.
  const closed = closures
    .map((c) => ({ from: addDaysToDay(londonDay(c.closedAt), 1), to: c.reopenedAt ? addDaysToDay(londonDay(c.reopenedAt), -1) : null }))
    .filter((c) => c.to === null || c.from <= c.to)
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  let day = from;
  for (const span of closed) {
    if (span.to !== null && span.to < day) continue;
    if (span.from > day) return true;
    if (span.to === null) return false;
    day = addDaysToDay(span.to, 1);
    if (day > to) return false;
  }
  return day <= to;
}

/** Every month (yyyy-mm-01) up to and including the current London month that needs a reason for delay, oldest first. */
export function delayReasonMonths({ receivedAt, closures, afterMonths, now }: Omit<DelayFacts, "recorded">): string[] {
  // A closed case needs none: only an open one is delayed.
  if (closures.some((c) => c.reopenedAt === null)) return [];
  const first = firstDayPast(receivedAt, afterMonths);
  const today = londonDay(now);
  const months: string[] = [];
  for (let month = monthOf(first); month <= today; month = nextMonth(month)) {
    const from = month < first ? first : month;
    const last = addDaysToDay(nextMonth(month), -1);
    if (from <= today && openSomeDay(from, last < today ? last : today, closures)) months.push(month);
  }
  return months;
}

/** The months that need a reason for delay and have none, oldest first. */
export function missingDelayReasons(facts: DelayFacts): string[] {
  const recorded = new Set(facts.recorded);
  return delayReasonMonths(facts).filter((month) => !recorded.has(month));
}
